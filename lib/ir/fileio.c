/* fileio: the file plumbing of ml-opt and ml-run (see fileio.h). */
#include "ir/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool ml_read_file(const char *path, const char *what, MlBuf *out, MlBuf *err) {
  bool is_stdin = !strcmp(path, "-");
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    ml_buf_printf(err, "cannot open %s '%s': %s", what, path, strerror(errno));
    return false;
  }
  struct stat st;
  int e = 0;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
    e = EISDIR;
  char chunk[65536];
  ml_buf_append(out, "", 0); /* an empty file still gives a string */
  while (!e) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n == 0)
      break;
    if (n < 0 && errno != EINTR)
      e = errno;
    else if (n > 0)
      ml_buf_append(out, chunk, (size_t)n);
  }
  if (!is_stdin)
    close(fd);
  if (e)
    ml_buf_printf(err, "cannot read %s '%s': %s", what,
                  is_stdin ? "<stdin>" : path, strerror(e));
  return !e;
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

bool ml_write_file(const char *path, const char *data, size_t len, MlBuf *err) {
  if (!path || !strcmp(path, "-")) {
    if (!write_all(STDOUT_FILENO, data, len)) {
      ml_buf_printf(err, "cannot write to stdout: %s", strerror(errno));
      return false;
    }
    return true;
  }
  /* A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in
   * place: renaming a temporary onto it would replace the device node
   * with a regular file (as root, /dev/null itself). */
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    int out = open(path, O_WRONLY);
    bool ok = out >= 0 && write_all(out, data, len);
    int saved = errno;
    if (out >= 0 && close(out) != 0 && ok) {
      saved = errno;
      ok = false;
    }
    if (!ok)
      ml_buf_printf(err, "cannot write output file '%s': %s", path, strerror(saved));
    return ok;
  }
  size_t plen = strlen(path);
  char *tmp = malloc(plen + sizeof ".tmp.XXXXXX");
  if (!tmp)
    abort();
  memcpy(tmp, path, plen);
  memcpy(tmp + plen, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
  int fd = mkstemp(tmp);
  if (fd < 0) {
    ml_buf_printf(err, "cannot write output file '%s': %s", path, strerror(errno));
    free(tmp);
    return false;
  }
  /* mkstemp makes the file 0600; give it the usual 0666 & ~umask. */
  mode_t mask = umask(0);
  umask(mask);
  errno = 0;
  bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, data, len);
  int saved = errno;
  ok = (close(fd) == 0) && ok;
  if (ok && rename(tmp, path) != 0) {
    saved = errno;
    ok = false;
  }
  if (!ok) {
    ml_buf_printf(err, "cannot write output file '%s': %s", path,
                  strerror(saved ? saved : errno));
    unlink(tmp);
  }
  free(tmp);
  return ok;
}

void ml_stderr_capture(MlStderrCapture *c) {
  fflush(stderr);
  FILE *tmp = tmpfile();
  c->tmp = NULL;
  c->saved = tmp ? dup(STDERR_FILENO) : -1;
  if (c->saved < 0 || dup2(fileno(tmp), STDERR_FILENO) < 0) {
    if (c->saved >= 0)
      close(c->saved);
    if (tmp)
      fclose(tmp);
    return; /* uncaptured: messages still reach the user */
  }
  c->tmp = tmp;
}

void ml_stderr_restore(MlStderrCapture *c, MlBuf *captured) {
  if (!c->tmp)
    return;
  fflush(stderr);
  dup2(c->saved, STDERR_FILENO);
  close(c->saved);
  char chunk[4096];
  size_t n;
  rewind(c->tmp);
  while ((n = fread(chunk, 1, sizeof chunk, c->tmp)) > 0)
    ml_buf_append(captured, chunk, n);
  fclose(c->tmp);
  c->tmp = NULL;
}
