/* io: whole-file input and atomic output for ml-opt. */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool ml_read_input(const char *path, MlBuf *out) {
  bool is_stdin = !strcmp(path, "-");
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    fprintf(stderr, "ml-opt: error: cannot open input file '%s': %s\n", path,
            strerror(errno));
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    fprintf(stderr, "ml-opt: error: cannot read input file '%s': %s\n", path,
            strerror(EISDIR));
    if (!is_stdin)
      close(fd);
    return false;
  }
  char chunk[65536];
  ssize_t n;
  ml_buf_append(out, "", 0); /* an empty file still gives a string */
  while ((n = read(fd, chunk, sizeof chunk)) != 0) {
    if (n < 0) {
      if (errno == EINTR)
        continue;
      fprintf(stderr, "ml-opt: error: cannot read input file '%s': %s\n",
              is_stdin ? "<stdin>" : path, strerror(errno));
      if (!is_stdin)
        close(fd);
      return false;
    }
    ml_buf_append(out, chunk, (size_t)n);
  }
  if (!is_stdin)
    close(fd);
  return true;
}

/* Writes all of `data` to `fd`. */
static bool write_all(int fd, const char *data, size_t len) {
  while (len) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    data += n;
    len -= (size_t)n;
  }
  return true;
}

bool ml_write_output(const char *path, const char *data, size_t len) {
  if (!path || !strcmp(path, "-")) {
    if (!write_all(STDOUT_FILENO, data, len)) {
      fprintf(stderr, "ml-opt: error: cannot write to stdout: %s\n",
              strerror(errno));
      return false;
    }
    return true;
  }
  size_t plen = strlen(path);
  char *tmp = malloc(plen + sizeof ".tmp.XXXXXX");
  if (!tmp)
    abort();
  memcpy(tmp, path, plen);
  memcpy(tmp + plen, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "ml-opt: error: cannot write output file '%s': %s\n",
            path, strerror(errno));
    free(tmp);
    return false;
  }
  /* mkstemp makes the file 0600; give it the usual 0666 & ~umask. */
  mode_t mask = umask(0);
  umask(mask);
  bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, data, len);
  int saved = errno;
  ok = (close(fd) == 0) && ok;
  if (ok && rename(tmp, path) != 0) {
    saved = errno;
    ok = false;
  }
  if (!ok) {
    fprintf(stderr, "ml-opt: error: cannot write output file '%s': %s\n",
            path, strerror(saved ? saved : errno));
    unlink(tmp);
  }
  free(tmp);
  return ok;
}
