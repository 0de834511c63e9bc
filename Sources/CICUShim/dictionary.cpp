// ICU's CJK dictionary, read through its public trie API (C++ only): which characters its words
// hold side by side.
#include "CICUShim.h"

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace {
// The layout of ICU's .dict files (dictionarydata.h): eight int32 indexes, then the trie.
enum { kTrieOffset = 0, kTrieType = 4, kTransform = 5, kIndexCount = 8 };
enum { kTrieTypeUChars = 1, kTrieTypeMask = 7 };
}  // namespace

extern "C" int32_t qg_cjdict_pairs(uint64_t *bits, int32_t wordCount, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory *file =
      udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &status);
  if (U_FAILURE(status)) {
    *error = status;
    return 0;
  }
  const uint8_t *data = static_cast<const uint8_t *>(udata_getMemory(file));
  const int32_t *indexes = reinterpret_cast<const int32_t *>(data);
  if ((indexes[kTrieType] & kTrieTypeMask) != kTrieTypeUChars || indexes[kTransform] != 0 ||
      indexes[kTrieOffset] < kIndexCount * 4) {
    udata_close(file);
    *error = U_INVALID_FORMAT_ERROR;
    return 0;
  }
  const char16_t *trie = reinterpret_cast<const char16_t *>(data + indexes[kTrieOffset]);
  const uint32_t mask = static_cast<uint32_t>(wordCount) * 64 - 1;
  icu::UCharsTrie::Iterator words(trie, 0, status);
  int32_t count = 0;
  while (U_SUCCESS(status) && words.next(status)) {
    const icu::UnicodeString &word = words.getString();
    for (int32_t i = 1; i < word.length(); i++) {
      uint32_t pair = static_cast<uint32_t>(word.charAt(i - 1)) << 16 | word.charAt(i);
      for (uint32_t which = 0; which < 2; which++) {
        uint32_t bit = qg_pair_hash(pair, which) & mask;
        bits[bit >> 6] |= uint64_t{1} << (bit & 63);
      }
    }
    count++;
  }
  udata_close(file);
  *error = U_FAILURE(status) ? status : U_ZERO_ERROR;
  return count;
}
