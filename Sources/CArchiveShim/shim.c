#include "CArchiveShim.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct qg_archive {
  struct archive *archive;
};

static void copy_message(struct archive *archive, const char *fallback, char *message,
                         int32_t capacity) {
  if (message == NULL || capacity <= 0) return;
  const char *text = archive != NULL ? archive_error_string(archive) : NULL;
  if (text == NULL) text = fallback;
  strncpy(message, text, (size_t)capacity - 1);
  message[capacity - 1] = '\0';
}

qg_archive *qg_archive_open(const char *path, char *message, int32_t message_capacity) {
  struct archive *archive = archive_read_new();
  if (archive == NULL) {
    copy_message(NULL, "out of memory", message, message_capacity);
    return NULL;
  }
  archive_read_support_filter_all(archive);
  archive_read_support_format_all(archive);
  if (archive_read_open_filename(archive, path, 1 << 16) != ARCHIVE_OK) {
    copy_message(archive, "cannot open the archive", message, message_capacity);
    archive_read_free(archive);
    return NULL;
  }
  qg_archive *wrapper = (qg_archive *)malloc(sizeof(qg_archive));
  if (wrapper == NULL) {
    archive_read_free(archive);
    copy_message(NULL, "out of memory", message, message_capacity);
    return NULL;
  }
  wrapper->archive = archive;
  return wrapper;
}

int32_t qg_archive_next(qg_archive *wrapper, char *name, int32_t name_capacity, int32_t *kind,
                        int64_t *size, char *message, int32_t message_capacity) {
  struct archive_entry *entry = NULL;
  int status = archive_read_next_header(wrapper->archive, &entry);
  if (status == ARCHIVE_EOF) return 0;
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    copy_message(wrapper->archive, "damaged archive", message, message_capacity);
    return -1;
  }
  const char *path = archive_entry_pathname_utf8(entry);
  if (path == NULL) path = archive_entry_pathname(entry);
  if (path == NULL) path = "";
  strncpy(name, path, (size_t)name_capacity - 1);
  name[name_capacity - 1] = '\0';
  mode_t type = archive_entry_filetype(entry);
  if (archive_entry_hardlink(entry) != NULL) {
    *kind = QG_ENTRY_HARDLINK;
  } else if (type == AE_IFREG) {
    *kind = QG_ENTRY_FILE;
  } else if (type == AE_IFDIR) {
    *kind = QG_ENTRY_DIRECTORY;
  } else if (type == AE_IFLNK) {
    *kind = QG_ENTRY_SYMLINK;
  } else {
    *kind = QG_ENTRY_OTHER;
  }
  *size = archive_entry_size_is_set(entry) ? (int64_t)archive_entry_size(entry) : -1;
  return 1;
}

int64_t qg_archive_read(qg_archive *wrapper, uint8_t *buffer, int64_t capacity, char *message,
                        int32_t message_capacity) {
  la_ssize_t count = archive_read_data(wrapper->archive, buffer, (size_t)capacity);
  if (count < 0) {
    copy_message(wrapper->archive, "cannot read the entry", message, message_capacity);
    return -1;
  }
  return (int64_t)count;
}

int64_t qg_archive_compressed_offset(qg_archive *wrapper) {
  return (int64_t)archive_filter_bytes(wrapper->archive, -1);
}

void qg_archive_close(qg_archive *wrapper) {
  if (wrapper == NULL) return;
  archive_read_free(wrapper->archive);
  free(wrapper);
}
