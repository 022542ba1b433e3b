/* io: whole-file input, atomic output and stderr capture for ml-run.
 *
 * The same scheme as ml-opt's io.c and driver.c (temporary file + rename;
 * dup2 of stderr into a tmpfile), with ml-run's name in the messages: the
 * ml-opt copies hard-code "ml-opt: error:". */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads the whole file (or stdin) in 64 KiB chunks. */
bool ml_run_read_file(const char *path, const char *what, MlBuf *out) {
  bool is_stdin = !strcmp(path, "-");
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    fprintf(stderr, "ml-run: error: cannot open %s '%s': %s\n", what, path,
            strerror(errno));
    return false;
  }
  struct stat st;
  int err = 0;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
    err = EISDIR;
  char chunk[65536];
  ml_buf_append(out, "", 0); /* an empty file still gives a string */
  while (!err) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n == 0)
      break;
    if (n < 0 && errno != EINTR)
      err = errno;
    else if (n > 0)
      ml_buf_append(out, chunk, (size_t)n);
  }
  if (!is_stdin)
    close(fd);
  if (err)
    fprintf(stderr, "ml-run: error: cannot read %s '%s': %s\n", what,
            is_stdin ? "<stdin>" : path, strerror(err));
  return !err;
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

/* Writes beside `path` with mkstemp, then renames over it. */
bool ml_run_write_file(const char *path, const char *data, size_t len) {
  size_t plen = strlen(path);
  char *tmp = malloc(plen + sizeof ".tmp.XXXXXX");
  if (!tmp)
    abort();
  memcpy(tmp, path, plen);
  memcpy(tmp + plen, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "ml-run: error: cannot write output file '%s': %s\n",
            path, strerror(errno));
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
    fprintf(stderr, "ml-run: error: cannot write output file '%s': %s\n",
            path, strerror(saved ? saved : errno));
    unlink(tmp);
  }
  free(tmp);
  return ok;
}

/* Also used by LLVM's own messages, so this works on the descriptor, not
 * on the FILE. */
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

/* Puts stderr back and collects what the capture saw. */
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
