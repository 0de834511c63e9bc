#ifndef CARCHIVESHIM_H
#define CARCHIVESHIM_H

#include <stdint.h>

/* libarchive behind an opaque, stdint-only header: tar, tar.gz, zip and the rest, read as a
   stream of entries. Nothing is ever written to disk. Error messages are copied into the
   caller's buffer. */

typedef struct qg_archive qg_archive;

enum {
  QG_ENTRY_FILE = 0,
  QG_ENTRY_DIRECTORY = 1,
  QG_ENTRY_SYMLINK = 2,
  QG_ENTRY_HARDLINK = 3,
  QG_ENTRY_OTHER = 4
};

/* Opens an archive file; NULL on failure, with the reason in `message`. */
qg_archive *qg_archive_open(const char *path, char *message, int32_t message_capacity);

/* Moves to the next entry: 1 with an entry (name, kind, size or -1 when unknown), 0 at the end,
   -1 on a damaged archive (reason in `message`). */
int32_t qg_archive_next(qg_archive *archive, char *name, int32_t name_capacity, int32_t *kind,
                        int64_t *size, char *message, int32_t message_capacity);

/* Reads the current entry's data: bytes read, 0 at its end, -1 on error. */
int64_t qg_archive_read(qg_archive *archive, uint8_t *buffer, int64_t capacity, char *message,
                        int32_t message_capacity);

/* Bytes of the archive file consumed so far (compressed), for ratio checks and progress. */
int64_t qg_archive_compressed_offset(qg_archive *archive);

void qg_archive_close(qg_archive *archive);

#endif
