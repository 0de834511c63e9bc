#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>

struct qg_breaker {
  UBreakIterator *iterator;
};

/* Takes ownership of `iterator`; closes it when the wrapper cannot be allocated. */
static qg_breaker *wrap_breaker(UBreakIterator *iterator, UErrorCode status, int32_t *error) {
  *error = status;
  if (U_FAILURE(status)) return NULL;
  qg_breaker *breaker = (qg_breaker *)malloc(sizeof(qg_breaker));
  if (breaker == NULL) {
    ubrk_close(iterator);
    *error = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  breaker->iterator = iterator;
  return breaker;
}

qg_breaker *qg_breaker_open(int32_t kind, const char *locale, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIteratorType type = kind == QG_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
  UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
  return wrap_breaker(iterator, status, error);
}

qg_breaker *qg_breaker_clone(const qg_breaker *source, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_clone(source->iterator, &status);
  return wrap_breaker(iterator, status, error);
}

void qg_breaker_close(qg_breaker *breaker) {
  if (breaker == NULL) return;
  ubrk_close(breaker->iterator);
  free(breaker);
}

int32_t qg_breaker_boundaries(qg_breaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *boundaries, int32_t *statuses, int32_t capacity,
                              int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
  *error = status;
  if (U_FAILURE(status)) return 0;
  int32_t count = 0;
  for (int32_t b = ubrk_next(breaker->iterator); b != UBRK_DONE; b = ubrk_next(breaker->iterator)) {
    if (count < capacity) {
      boundaries[count] = b;
      statuses[count] = ubrk_getRuleStatus(breaker->iterator);
    }
    count++;
  }
  /* Detach the iterator from the caller's buffer, which may be freed after this call. */
  static const UChar empty[1] = {0};
  ubrk_setText(breaker->iterator, empty, 0, &status);
  return count;
}

int32_t qg_convert_to_utf16(const char *charset, const uint8_t *source, int32_t source_length,
                            uint16_t *dest, int32_t dest_capacity, int32_t *error_offset,
                            int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  *error_offset = -1;
  UConverter *converter = ucnv_open(charset, &status);
  if (U_FAILURE(status)) {
    *error = status;
    return 0;
  }
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter);
    *error = status;
    return 0;
  }
  /* Convert in chunks so that measuring (dest == NULL) and filling share one code path. */
  UChar chunk[4096];
  const char *in = (const char *)source;
  const char *in_end = in + source_length;
  int32_t produced = 0;
  for (;;) {
    UChar *out = chunk;
    UErrorCode step = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &out, chunk + 4096, &in, in_end, NULL, 1, &step);
    int32_t n = (int32_t)(out - chunk);
    if (dest != NULL && produced < dest_capacity) {
      int32_t room = dest_capacity - produced;
      memcpy(dest + produced, chunk, (size_t)(n < room ? n : room) * sizeof(UChar));
    }
    produced += n;
    if (step == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(step)) {
      *error_offset = (int32_t)(in - (const char *)source);
      *error = step;
      ucnv_close(converter);
      return produced;
    }
    break;
  }
  ucnv_close(converter);
  *error = U_ZERO_ERROR;
  return produced;
}

int32_t qg_detect_charset(const uint8_t *source, int32_t source_length, char *name,
                          int32_t name_capacity, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&status);
  if (U_FAILURE(status)) {
    *error = status;
    return -1;
  }
  ucsdet_setText(detector, (const char *)source, source_length, &status);
  const UCharsetMatch *match = ucsdet_detect(detector, &status);
  int32_t confidence = -1;
  if (U_SUCCESS(status) && match != NULL) {
    const char *found = ucsdet_getName(match, &status);
    confidence = ucsdet_getConfidence(match, &status);
    if (U_SUCCESS(status) && found != NULL && name_capacity > 0) {
      strncpy(name, found, (size_t)name_capacity - 1);
      name[name_capacity - 1] = '\0';
    }
  }
  ucsdet_close(detector);
  *error = U_FAILURE(status) ? status : U_ZERO_ERROR;
  return confidence;
}

struct qg_transliterator {
  UTransliterator *transliterator;
};

qg_transliterator *qg_transliterator_open(const uint16_t *id, int32_t id_length, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *t = utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0, NULL,
                                    &status);
  *error = status;
  if (U_FAILURE(status)) return NULL;
  qg_transliterator *wrapper = (qg_transliterator *)malloc(sizeof(qg_transliterator));
  if (wrapper == NULL) {
    utrans_close(t);
    *error = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  wrapper->transliterator = t;
  return wrapper;
}

void qg_transliterator_close(qg_transliterator *transliterator) {
  if (transliterator == NULL) return;
  utrans_close(transliterator->transliterator);
  free(transliterator);
}

int32_t qg_transliterate(const qg_transliterator *transliterator, uint16_t *text, int32_t length,
                         int32_t capacity, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t limit = length;
  int32_t text_length = length;
  utrans_transUChars(transliterator->transliterator, (UChar *)text, &text_length, capacity, 0,
                     &limit, &status);
  *error = status;
  return text_length;
}

int32_t qg_east_asian_width(uint32_t code_point) {
  return u_getIntPropertyValue((UChar32)code_point, UCHAR_EAST_ASIAN_WIDTH);
}

const char *qg_error_name(int32_t error) { return u_errorName((UErrorCode)error); }
