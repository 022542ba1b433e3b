/* verify.h: --verify-diagnostics, MLIR's expected-* comment checking. */
#ifndef MLOPT_TOOLS_ML_OPT_VERIFY_H
#define MLOPT_TOOLS_ML_OPT_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "ir/diagnostics.h"
#include "ir/strbuf.h"

typedef struct MlExpected MlExpected;

typedef struct MlVerifier {
  const char *file;   /* the name diagnostics carry for the input */
  const char *text;   /* the text scanned, for source snippets */
  size_t text_len;
  MlExpected *items;
  size_t num_items;
  bool failed;
  MlBuf report; /* error messages, printed by the caller */
} MlVerifier;

/* Collects the expected-* comments in `text` (whose line 1 is the file's
 * line 1). Malformed directives are reported and fail the verifier. */
void ml_verifier_init(MlVerifier *v, const char *file, const char *text,
                      size_t len);

/* Checks one emitted diagnostic (a note is passed like any other). */
void ml_verifier_process(MlVerifier *v, MlirDiagnosticSeverity severity,
                         MlSourcePos pos, const char *message);

/* Reports every expectation nothing matched; true if all went as expected. */
bool ml_verifier_finish(MlVerifier *v);

void ml_verifier_free(MlVerifier *v);

#endif
