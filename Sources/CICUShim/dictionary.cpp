// ICU's CJK dictionary, read through its public trie API (C++ only): which characters its words
// hold side by side, and the words ICU's word break splits a run of Han characters into.
#include "CICUShim.h"

#include <unicode/appendable.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <atomic>
#include <vector>

namespace {
// The layout of ICU's .dict files (dictionarydata.h): eight int32 indexes, then the trie.
enum { kTrieOffset = 0, kTrieType = 4, kTransform = 5, kIndexCount = 8 };
enum { kTrieTypeUChars = 1, kTrieTypeMask = 7 };

// cjdict's trie, or null with `status` set.
const char16_t *openTrie(UDataMemory **file, UErrorCode &status) {
  *file = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &status);
  if (U_FAILURE(status)) return nullptr;
  const uint8_t *data = static_cast<const uint8_t *>(udata_getMemory(*file));
  const int32_t *indexes = reinterpret_cast<const int32_t *>(data);
  if ((indexes[kTrieType] & kTrieTypeMask) != kTrieTypeUChars || indexes[kTransform] != 0 ||
      indexes[kTrieOffset] < kIndexCount * 4) {
    udata_close(*file);
    *file = nullptr;
    status = U_INVALID_FORMAT_ERROR;
    return nullptr;
  }
  return reinterpret_cast<const char16_t *>(data + indexes[kTrieOffset]);
}

bool isHan(uint16_t unit) {
  return (unit >= 0x4E00 && unit <= 0x9FFF) || (unit >= 0x3400 && unit <= 0x4DBF);
}
}  // namespace

namespace {
// Han characters of the BMP, U+3400 to U+9FFF (the few between the two blocks are never asked).
enum { kFirstHan = 0x3400, kHanCount = 0xA000 - 0x3400 };
enum { kEmpty = 0, kFilling = 1, kReady = 2 };
}  // namespace

struct qg_cjdict {
  UDataMemory *file;
  const char16_t *trie;
  // The trie's state after each Han character from the root, filled the first time a split
  // starts with it: the root is a branch of some 20,000 characters, whose search (a dozen steps
  // through memory the caches rarely hold) was most of a split's cost. `ready` guards each entry
  // across threads: only the thread that moves it from kEmpty to kFilling writes it.
  std::atomic<uint8_t> ready[kHanCount];
  UStringTrieResult firstResult[kHanCount];
  icu::UCharsTrie::State firstState[kHanCount];

  qg_cjdict(UDataMemory *file, const char16_t *trie) : file(file), trie(trie) {
    for (auto &entry : ready) entry.store(kEmpty, std::memory_order_relaxed);
  }

  // `words.first(unit)`, from the table when it holds the answer.
  UStringTrieResult first(icu::UCharsTrie &words, uint16_t unit) {
    uint32_t index = static_cast<uint32_t>(unit) - kFirstHan;
    if (ready[index].load(std::memory_order_acquire) == kReady) {
      words.resetToState(firstState[index]);
      return firstResult[index];
    }
    UStringTrieResult result = words.first(unit);
    uint8_t expected = kEmpty;
    if (ready[index].compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) {
      firstResult[index] = result;
      words.saveState(firstState[index]);
      ready[index].store(kReady, std::memory_order_release);
    }
    return result;
  }
};

namespace {
// The characters a trie node's edges lead with, appended to one buffer shared by the whole walk.
class UnitsAppendable : public icu::Appendable {
 public:
  explicit UnitsAppendable(std::vector<char16_t> &units) : units_(units) {}
  UBool appendCodeUnit(char16_t unit) override {
    units_.push_back(unit);
    return true;
  }

 private:
  std::vector<char16_t> &units_;
};

// Every word's neighbouring characters are an edge of the trie below its first character, and
// every edge lies on some word: walking the edges once sets the same bits as reading each word
// whole, without building each word's string (ICU's iterator appends every word anew, most of
// the load's cost) or visiting a shared prefix once per word.
struct PairWalk {
  icu::UCharsTrie &trie;
  uint64_t *bits;
  uint32_t mask;
  std::vector<char16_t> units;
  int32_t words = 0;

  // The edges below the node `trie` stands on, reached by `last` (0 at the root).
  void below(char16_t last, bool atRoot) {
    icu::UCharsTrie::State node;
    trie.saveState(node);
    size_t first = units.size();
    UnitsAppendable appendable(units);
    trie.getNextUChars(appendable);
    size_t end = units.size();
    for (size_t index = first; index < end; index++) {
      char16_t unit = units[index];
      if (!atRoot) {
        uint32_t pair = static_cast<uint32_t>(last) << 16 | unit;
        for (uint32_t which = 0; which < 2; which++) {
          uint32_t bit = qg_pair_hash(pair, which) & mask;
          bits[bit >> 6] |= uint64_t{1} << (bit & 63);
        }
      }
      trie.resetToState(node);
      UStringTrieResult result = trie.next(unit);
      if (USTRINGTRIE_HAS_VALUE(result)) words++;
      if (USTRINGTRIE_HAS_NEXT(result)) below(unit, false);
    }
    units.resize(first);
  }
};
}  // namespace

extern "C" int32_t qg_cjdict_pairs(uint64_t *bits, int32_t wordCount, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory *file = nullptr;
  const char16_t *trie = openTrie(&file, status);
  if (trie == nullptr) {
    *error = status;
    return 0;
  }
  icu::UCharsTrie words(trie);
  PairWalk walk{words, bits, static_cast<uint32_t>(wordCount) * 64 - 1, {}};
  walk.units.reserve(1 << 16);
  walk.below(0, true);
  udata_close(file);
  *error = U_ZERO_ERROR;
  return walk.words;
}

extern "C" qg_cjdict *qg_cjdict_open(int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory *file = nullptr;
  const char16_t *trie = openTrie(&file, status);
  *error = status;
  if (trie == nullptr) return nullptr;
  return new qg_cjdict(file, trie);
}

extern "C" void qg_cjdict_close(qg_cjdict *dictionary) {
  if (dictionary == nullptr) return;
  udata_close(dictionary->file);
  delete dictionary;
}

// The dynamic programme of ICU's CjkBreakEngine::divideUpDictionaryRange (dictbe.cpp), which is
// what its word break runs on a run of Han characters: the split whose words' dictionary costs
// sum least, a character no word starts with costing 255 on its own, words of at most 20 units,
// ties going to the split whose last word starts first. Only for BMP Han characters, which
// need no normalisation and are neither kana nor Hangul (which the engine treats apart).
extern "C" int32_t qg_cjdict_split(qg_cjdict *dictionary, const uint16_t *text,
                                   int32_t length, int32_t *ends) {
  enum { kMaxWordLength = 20 };
  const uint32_t kUnknownCost = 255;
  const uint32_t kUnreached = UINT32_MAX;
  for (int32_t i = 0; i < length; i++) {
    if (!isHan(text[i])) return -1;
  }
  // Stretches between two certain breaks are short: the heap only for long ones.
  enum { kOnStack = 256 };
  uint32_t costOnStack[kOnStack + 1];
  int32_t previousOnStack[kOnStack + 1];
  std::vector<uint32_t> costOnHeap;
  std::vector<int32_t> previousOnHeap;
  uint32_t *cost = costOnStack;
  int32_t *previous = previousOnStack;
  if (length > kOnStack) {
    costOnHeap.resize(length + 1);
    previousOnHeap.resize(length + 1);
    cost = costOnHeap.data();
    previous = previousOnHeap.data();
  }
  for (int32_t i = 0; i <= length; i++) {
    cost[i] = kUnreached;
    previous[i] = -1;
  }
  cost[0] = 0;
  auto relax = [&](int32_t from, int32_t to, uint32_t word) {
    uint32_t total = cost[from] + word;
    if (total < cost[to]) {
      cost[to] = total;
      previous[to] = from;
    }
  };
  icu::UCharsTrie trie(dictionary->trie);
  for (int32_t i = 0; i < length; i++) {
    if (cost[i] == kUnreached) continue;
    bool oneCharacterWord = false;
    for (int32_t end = i; end < length;) {
      UStringTrieResult result =
          end == i ? dictionary->first(trie, text[end]) : trie.next(text[end]);
      end++;
      if (USTRINGTRIE_HAS_VALUE(result)) {
        if (end - i == 1) oneCharacterWord = true;
        relax(i, end, static_cast<uint32_t>(trie.getValue()));
        if (result == USTRINGTRIE_FINAL_VALUE) break;
      } else if (result == USTRINGTRIE_NO_MATCH) {
        break;
      }
      if (end - i >= kMaxWordLength) break;
    }
    if (!oneCharacterWord) relax(i, i + 1, kUnknownCost);
  }
  int32_t count = 0;
  for (int32_t end = length; end > 0; end = previous[end]) ends[count++] = end;
  for (int32_t low = 0, high = count - 1; low < high; low++, high--) {
    int32_t swap = ends[low];
    ends[low] = ends[high];
    ends[high] = swap;
  }
  return count;
}
