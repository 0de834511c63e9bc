#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A dozen calls into system ICU. Only stdint types and opaque pointers cross this header so that
   Swift never sees ICU's own declarations (they clash with Foundation's bundled ICU). Every
   function reports failure through an int32_t ICU error code (> 0 is an error). */

typedef struct qg_breaker qg_breaker;

enum { QG_BREAK_WORD = 0, QG_BREAK_SENTENCE = 1 };

/* Opens a word or sentence break iterator for `locale` (e.g. "zh"). */
qg_breaker *qg_breaker_open(int32_t kind, const char *locale, int32_t *error);
/* A cheap copy sharing the rules and dictionaries: one per thread. */
qg_breaker *qg_breaker_clone(const qg_breaker *breaker, int32_t *error);
void qg_breaker_close(qg_breaker *breaker);

/* Fills `boundaries` with every boundary after 0 in text[0..<length] and `statuses` with the
   rule status of the segment ending there. Returns the number of boundaries, which may exceed
   `capacity` (then call again with more room). The text is not retained. */
int32_t qg_breaker_boundaries(qg_breaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *boundaries, int32_t *statuses, int32_t capacity,
                              int32_t *error);

/* Strict conversion from `charset` to UTF-16: any unmappable or illegal sequence is an error
   (U_INVALID_CHAR_FOUND / U_ILLEGAL_CHAR_FOUND), reported with the byte offset in
   `error_offset`. Returns the UTF-16 length needed; dest may be NULL to measure. */
int32_t qg_convert_to_utf16(const char *charset, const uint8_t *source, int32_t source_length,
                            uint16_t *dest, int32_t dest_capacity, int32_t *error_offset,
                            int32_t *error);

/* ICU's statistical charset detector: writes the best match's name into `name` and returns its
   confidence (0-100), or -1 when nothing matched. */
int32_t qg_detect_charset(const uint8_t *source, int32_t source_length, char *name,
                          int32_t name_capacity, int32_t *error);

typedef struct qg_transliterator qg_transliterator;

/* Opens a transliterator by ICU id, e.g. "Traditional-Simplified" or "Fullwidth-Halfwidth". */
qg_transliterator *qg_transliterator_open(const uint16_t *id, int32_t id_length, int32_t *error);
void qg_transliterator_close(qg_transliterator *transliterator);
/* Transliterates text in place; returns the new length (may exceed capacity: call again). */
int32_t qg_transliterate(const qg_transliterator *transliterator, uint16_t *text, int32_t length,
                         int32_t capacity, int32_t *error);

/* The Unicode East Asian Width of a code point, as ICU's UEastAsianWidth: 0 neutral,
   1 ambiguous, 2 halfwidth, 3 fullwidth, 4 narrow, 5 wide. */
int32_t qg_east_asian_width(uint32_t code_point);

/* The error's symbolic name, e.g. "U_INVALID_CHAR_FOUND". */
const char *qg_error_name(int32_t error);

/* Marks in `bits` (a Bloom filter of `wordCount` 64-bit words, a power of two) every pair of
   adjacent BMP characters inside a word of ICU's Chinese and Japanese dictionary (cjdict), the
   one its word break engine segments runs of Han with: two characters no word holds side by
   side are always split. Each pair sets bit qg_pair_hash(pair, 0) and bit qg_pair_hash(pair,
   1), modulo the filter's size. Returns the number of words read. */
int32_t qg_cjdict_pairs(uint64_t *bits, int32_t wordCount, int32_t *error);

typedef struct qg_cjdict qg_cjdict;

/* Opens ICU's cjdict for qg_cjdict_split; shared by all threads (its only writes, a cache of
   the trie's first step, are atomic). */
qg_cjdict *qg_cjdict_open(int32_t *error);
void qg_cjdict_close(qg_cjdict *dictionary);

/* Splits text[0..<length], BMP Han characters only (U+3400-4DBF, U+4E00-9FFF), into the words
   ICU's word break finds there when the run stands alone: writes each word's end into `ends`
   (room for `length`) and returns how many, or -1 when some unit is no such character. */
int32_t qg_cjdict_split(qg_cjdict *dictionary, const uint16_t *text, int32_t length,
                        int32_t *ends);

static inline uint32_t qg_pair_hash(uint32_t pair, uint32_t which) {
  uint32_t h = pair * (which ? 0x85EBCA6Bu : 0x9E3779B1u);
  return h ^ (h >> 15);
}

#ifdef __cplusplus
}
#endif

#endif
