/* options: ml-run's flags, from one table that --help prints and "did you
 * mean" searches. Unlike ml-opt, pass flags are not flags here: the pipeline
 * is one --pipeline value, so a stray pass flag gets a hint to move it. */
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/suggest.h"
#include "mlopt-c/Pipeline.h"
#include "mlopt-c/Support.h"

enum Arg { NONE, REQUIRED };

typedef struct Flag {
  const char *name; /* without dashes */
  enum Arg arg;
  const char *arg_help;
  const char *help;
} Flag;

static const Flag flags[] = {
    {"entry", REQUIRED, "NAME",
     "the func.func to run (default: the only one defined)"},
    {"pipeline", REQUIRED, "PASSES",
     "passes to lower the module to the llvm dialect, as ml-opt flags "
     "(default '" ML_RUN_DEFAULT_PIPELINE "')"},
    {"input", REQUIRED, "FILE.npy",
     "the next input argument, from a NumPy file (once per input)"},
    {"random-inputs", NONE, NULL,
     "fill every input with random values: floats in [-1, 1), integers in "
     "[-8, 8)"},
    {"seed", REQUIRED, "N", "seed of --random-inputs (default 0)"},
    {"output-args", REQUIRED, "K",
     "the last K memref arguments are outputs, allocated zero-filled "
     "(default 0)"},
    {"output", REQUIRED, "FILE.npy",
     "write the next output to a NumPy file (once per output)"},
    {"print", NONE, NULL,
     "print the outputs (the default without --output or --repeat)"},
    {"check", NONE, NULL,
     "also run the function through mlopt's C reference of every mlt op "
     "and compare each output within the tolerance policy of "
     "docs/reference.md; exit 1 on a mismatch"},
    {"rtol", REQUIRED, "R",
     "with --check: compare every output with this rtol instead of the "
     "policy's"},
    {"atol", REQUIRED, "A",
     "with --check: compare every output with this atol instead of the "
     "policy's"},
    {"repeat", REQUIRED, "N", "run N times and print the min and median time"},
    {"opt-level", REQUIRED, "0-3", "LLVM optimization level (default 3)"},
    {"threads", REQUIRED, "N",
     "run parallel loops (--parallelize) on N OpenMP threads (default: "
     "OMP_NUM_THREADS if set, else one per core)"},
    {"accel-stats", NONE, NULL,
     "after the run, print the accelerator runtime's cycle-model counters "
     "(code lowered by --lower-accel-to-llvm) to stdout, one 'key: value' "
     "line each"},
    {"version", NONE, NULL, "print the version and exit"},
    {"help", NONE, NULL, "print this help and exit"},
};
enum { NUM_FLAGS = sizeof flags / sizeof flags[0] };

/* The table entry for `name` (not NUL-terminated), or NULL. */
static const Flag *find_flag(const char *name, size_t len) {
  for (int i = 0; i < NUM_FLAGS; i++)
    if (strlen(flags[i].name) == len && !strncmp(flags[i].name, name, len))
      return &flags[i];
  if (len == 1 && name[0] == 'h')
    return &flags[NUM_FLAGS - 1];
  return NULL;
}

/* --help. */
static void print_help(void) {
  printf("OVERVIEW: ml-run, the mlopt JIT runner (MLIR %s)\n\n",
         mloptGetMlirVersion().data);
  printf("USAGE: ml-run [options] input.mlir|-\n\n"
         "Lowers the module with --pipeline, JIT-compiles it for this CPU and\n"
         "calls the entry function on inputs from .npy files or random ones.\n"
         "Exit code 0 on success, 1 on any error.\n\nOPTIONS:\n");
  for (int i = 0; i < NUM_FLAGS; i++) {
    char head[64];
    snprintf(head, sizeof head, "--%s%s%s", flags[i].name,
             flags[i].arg == REQUIRED ? "=" : "",
             flags[i].arg == REQUIRED ? flags[i].arg_help : "");
    printf("  %-24s %s\n", head, flags[i].help);
  }
}

/* Reports an unknown flag with the closest known one. */
static void unknown_flag(const char *arg, const char *name, size_t len) {
  char *word = strndup(name, len);
  if (!word)
    abort();
  if (len && mloptIsPassFlag(mlirStringRefCreate(name, len))) {
    fprintf(stderr, "ml-run: error: unknown flag '%s'; passes go in "
                    "--pipeline, e.g. --pipeline='%s'\n", arg, arg);
    free(word);
    return;
  }
  MlSuggest s;
  ml_suggest_init(&s, word);
  for (int i = 0; i < NUM_FLAGS; i++)
    ml_suggest_offer(&s, flags[i].name);
  fprintf(stderr, "ml-run: error: unknown flag '%s'", arg);
  if (s.best)
    fprintf(stderr, "; did you mean '--%s'?", s.best);
  fprintf(stderr, "\nml-run: run 'ml-run --help' for the flags\n");
  free(word);
}

/* Parses a decimal integer in [lo, hi] for flag `flag`. */
static bool parse_int(const char *flag, const char *v, long long lo,
                      long long hi, long long *out) {
  char *end;
  errno = 0;
  long long n = strtoll(v, &end, 10);
  if (!*v || *end || errno || n < lo || n > hi || (*v == '+' || *v == ' ')) {
    fprintf(stderr, "ml-run: error: invalid value '%s' for --%s: expected an "
                    "integer from %lld to %lld\n", v, flag, lo, hi);
    return false;
  }
  *out = n;
  return true;
}

/* Parses a finite number >= 0 for flag `flag`. */
static bool parse_tolerance(const char *flag, const char *v, double *out) {
  char *end;
  errno = 0;
  double x = strtod(v, &end);
  if (!*v || *end || errno || !(x >= 0) || x > 1e300) {
    fprintf(stderr, "ml-run: error: invalid value '%s' for --%s: expected a "
                    "number >= 0 (e.g. 1e-5)\n", v, flag);
    return false;
  }
  *out = x;
  return true;
}

/* Appends `value` to a list of file names. */
static void push(const char ***list, size_t *n, const char *value) {
  const char **p = realloc(*list, (*n + 1) * sizeof *p);
  if (!p)
    abort();
  *list = p;
  p[(*n)++] = value;
}

/* Applies one known flag; false on a bad value. */
static bool apply(MlRunOptions *o, const Flag *f, const char *value) {
  const char *fn = f->name;
  long long n;
  if (!strcmp(fn, "entry")) {
    o->entry = value[0] == '@' ? value + 1 : value;
    if (!*o->entry) {
      fprintf(stderr, "ml-run: error: --entry needs a function name\n");
      return false;
    }
  } else if (!strcmp(fn, "pipeline")) {
    o->pipeline = value;
  } else if (!strcmp(fn, "input")) {
    push(&o->inputs, &o->num_inputs, value);
  } else if (!strcmp(fn, "output")) {
    push(&o->outputs, &o->num_outputs, value);
  } else if (!strcmp(fn, "random-inputs")) {
    o->random_inputs = true;
  } else if (!strcmp(fn, "seed")) {
    if (!parse_int("seed", value, 0, INT64_MAX, &n))
      return false;
    o->seed = (uint64_t)n;
    o->has_seed = true;
  } else if (!strcmp(fn, "output-args")) {
    if (!parse_int("output-args", value, 0, 1 << 20, &n))
      return false;
    o->output_args = (int)n;
  } else if (!strcmp(fn, "print")) {
    o->print = true;
  } else if (!strcmp(fn, "check")) {
    o->check = true;
  } else if (!strcmp(fn, "rtol")) {
    return parse_tolerance("rtol", value, &o->rtol);
  } else if (!strcmp(fn, "atol")) {
    return parse_tolerance("atol", value, &o->atol);
  } else if (!strcmp(fn, "repeat")) {
    if (!parse_int("repeat", value, 1, 10000000, &n))
      return false;
    o->repeat = (long)n;
  } else if (!strcmp(fn, "opt-level")) {
    if (!parse_int("opt-level", value, 0, 3, &n))
      return false;
    o->opt_level = (int)n;
  } else if (!strcmp(fn, "accel-stats")) {
    o->accel_stats = true;
  } else if (!strcmp(fn, "threads")) {
    if (!parse_int("threads", value, 1, ML_RUN_MAX_THREADS, &n))
      return false;
    o->threads = (int)n;
  }
  return true;
}

/* Checks flags that only make sense together. */
static bool check_combinations(const MlRunOptions *o) {
  if (!o->file) {
    fprintf(stderr, "ml-run: error: no input file; usage: ml-run [options] "
                    "input.mlir (see --help)\n");
    return false;
  }
  if (o->random_inputs && o->num_inputs) {
    fprintf(stderr, "ml-run: error: --input and --random-inputs cannot be "
                    "combined; give every input as a file or none\n");
    return false;
  }
  if (o->check && o->output_args) {
    fprintf(stderr, "ml-run: error: --check compares the tensor results of "
                    "a function of mlt ops; --output-args is for memref "
                    "kernels, which have no reference\n");
    return false;
  }
  if ((o->rtol >= 0 || o->atol >= 0) && !o->check) {
    fprintf(stderr, "ml-run: error: --rtol and --atol set the tolerance of "
                    "--check; add --check\n");
    return false;
  }
  if (o->has_seed && !o->random_inputs) {
    fprintf(stderr, "ml-run: error: --seed needs --random-inputs\n");
    return false;
  }
  return true;
}

/* Walks argv: one positional .mlir file, flags from the table. */
int ml_run_options_parse(int argc, char **argv, MlRunOptions *o) {
  memset(o, 0, sizeof *o);
  o->pipeline = ML_RUN_DEFAULT_PIPELINE;
  o->opt_level = 3;
  o->rtol = o->atol = -1;
  bool only_files = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (only_files || arg[0] != '-' || !strcmp(arg, "-")) {
      if (o->file) {
        fprintf(stderr, "ml-run: error: more than one input file ('%s' and "
                        "'%s'); .npy inputs go in --input=FILE\n",
                o->file, arg);
        return ML_RUN_OPTIONS_EXIT_ERROR;
      }
      o->file = arg;
      continue;
    }
    if (!strcmp(arg, "--")) {
      only_files = true;
      continue;
    }
    const char *name = arg + (arg[1] == '-' ? 2 : 1);
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const char *value = eq ? eq + 1 : NULL;
    const Flag *f = find_flag(name, len);
    if (!f) {
      unknown_flag(arg, name, len);
      return ML_RUN_OPTIONS_EXIT_ERROR;
    }
    if (f->arg == NONE && value) {
      fprintf(stderr, "ml-run: error: --%s takes no value (got '%s')\n",
              f->name, arg);
      return ML_RUN_OPTIONS_EXIT_ERROR;
    }
    if (f->arg == REQUIRED && !value) {
      if (i + 1 >= argc) {
        fprintf(stderr, "ml-run: error: %s needs a value: --%s=%s\n", arg,
                f->name, f->arg_help);
        return ML_RUN_OPTIONS_EXIT_ERROR;
      }
      value = argv[++i];
    }
    if (!strcmp(f->name, "help")) {
      print_help();
      return ML_RUN_OPTIONS_EXIT_OK;
    }
    if (!strcmp(f->name, "version")) {
      printf("ml-run (mlopt) %s\nbuilt with MLIR %s\n", mloptGetVersion().data,
             mloptGetMlirVersion().data);
      return ML_RUN_OPTIONS_EXIT_OK;
    }
    if (!apply(o, f, value))
      return ML_RUN_OPTIONS_EXIT_ERROR;
  }
  return check_combinations(o) ? ML_RUN_OPTIONS_RUN : ML_RUN_OPTIONS_EXIT_ERROR;
}

/* Frees the --input and --output lists (their strings are argv's). */
void ml_run_options_free(MlRunOptions *o) {
  free(o->inputs);
  free(o->outputs);
  o->inputs = o->outputs = NULL;
  o->num_inputs = o->num_outputs = 0;
}
