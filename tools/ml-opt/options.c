/* options: ml-opt's flags. Tool flags come from one table (which --help
 * prints and "did you mean" searches); anything else starting with '-' must
 * be a pass flag, kept in command-line order for the pipeline. */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/suggest.h"
#include "mlopt-c/Pipeline.h"
#include "mlopt-c/Support.h"

enum Arg { NONE, REQUIRED, OPTIONAL };

typedef struct Flag {
  const char *name;  /* without dashes */
  const char *alias; /* mlir-opt's spelling, or NULL */
  enum Arg arg;
  const char *arg_help;
  const char *help;
} Flag;

static const Flag flags[] = {
    {"o", NULL, REQUIRED, "FILE",
     "write output to FILE (default stdout); written whole or not at all"},
    {"split-input-file", NULL, OPTIONAL, "MARKER",
     "process chunks separated by '// -----' (or MARKER) independently"},
    {"verify-diagnostics", NULL, NONE, NULL,
     "check diagnostics against expected-error/warning/remark/note comments"},
    {"print-ir-before-all", "mlir-print-ir-before-all", NONE, NULL,
     "print the IR to stderr before every pass"},
    {"print-ir-after-all", "mlir-print-ir-after-all", NONE, NULL,
     "print the IR to stderr after every pass"},
    {"print-ir-after-failure", "mlir-print-ir-after-failure", NONE, NULL,
     "print the IR to stderr after a pass that fails"},
    {"remarks", NULL, NONE, NULL,
     "print the remarks mlopt's passes make about what they did and why "
     "not (one located line each, on stderr)"},
    {"timing", "mlir-timing", NONE, NULL, "report the time each pass takes"},
    {"pass-statistics", "mlir-pass-statistics", NONE, NULL,
     "report the statistics passes collect"},
    {"dump-pass-pipeline", NULL, NONE, NULL,
     "print the pass pipeline to stderr before running it"},
    {"mlir-print-generic", "mlir-print-op-generic", NONE, NULL,
     "print operations in generic form"},
    {"mlir-print-debuginfo", NULL, NONE, NULL, "print locations"},
    {"verify-each", NULL, OPTIONAL, "true|false",
     "verify the IR after every pass (default true)"},
    {"mlir-disable-threading", NULL, NONE, NULL,
     "run passes on one thread"},
    {"allow-unregistered-dialect", NULL, NONE, NULL,
     "accept operations of dialects nobody registered"},
    {"emit", NULL, REQUIRED, "KIND",
     "output mlir (default), llvm (LLVM IR), asm, obj or header (C "
     "prototypes); all but mlir need a module lowered with --lower-to-llvm"},
    {"target-triple", NULL, REQUIRED, "TRIPLE",
     "target of --emit=llvm/asm/obj (default: the host's)"},
    {"target-cpu", NULL, REQUIRED, "CPU",
     "CPU of --emit=llvm/asm/obj (default: the host's, with its features)"},
    {"opt-level", NULL, REQUIRED, "0-3",
     "LLVM optimization level of --emit=llvm/asm/obj (default 3)"},
    {"pass-pipeline", NULL, REQUIRED, "PIPELINE",
     "run an upstream pipeline, e.g. 'builtin.module(canonicalize,cse)'; "
     "ordered with the pass flags"},
    {"list-passes", NULL, NONE, NULL, "list every pass flag and exit"},
    {"version", NULL, NONE, NULL, "print the version and exit"},
    {"help", "h", NONE, NULL, "print this help and exit"},
};
enum { NUM_FLAGS = sizeof flags / sizeof flags[0] };

static const Flag *find_flag(const char *name, size_t len) {
  for (int i = 0; i < NUM_FLAGS; i++) {
    const char *names[2] = {flags[i].name, flags[i].alias};
    for (int k = 0; k < 2; k++)
      if (names[k] && strlen(names[k]) == len && !strncmp(names[k], name, len))
        return &flags[i];
  }
  return NULL;
}

static void print_help(void) {
  printf("OVERVIEW: ml-opt, the mlopt optimizer driver (MLIR %s)\n\n",
         mloptGetMlirVersion().data);
  printf("USAGE: ml-opt [options] [pass flags] [input.mlir|-]\n\n"
         "Reads MLIR (default stdin), runs the pass flags in the order given,\n"
         "and prints the result. Exit code 0 on success, 1 on any error.\n\n"
         "OPTIONS:\n");
  for (int i = 0; i < NUM_FLAGS; i++) {
    const Flag *f = &flags[i];
    char head[64];
    const char *dash = strlen(f->name) == 1 ? "-" : "--";
    if (f->arg == REQUIRED)
      snprintf(head, sizeof head, "%s%s %s", dash, f->name, f->arg_help);
    else if (f->arg == OPTIONAL)
      snprintf(head, sizeof head, "%s%s[=%s]", dash, f->name, f->arg_help);
    else
      snprintf(head, sizeof head, "%s%s", dash, f->name);
    printf("  %-30s %s", head, f->help);
    if (f->alias)
      printf(" (also -%s%s)", strlen(f->alias) == 1 ? "" : "-", f->alias);
    printf("\n");
  }
  printf("\nMLOPT PASSES (applied in command-line order):\n");
  intptr_t n = mloptGetNumPasses();
  for (intptr_t i = 0; i < n; i++) {
    MloptPassInfo p = mloptGetPass(i);
    char head[64];
    if (p.valueHelp.length)
      snprintf(head, sizeof head, "--%s[=%s]", p.flag.data, p.valueHelp.data);
    else
      snprintf(head, sizeof head, "--%s", p.flag.data);
    printf("  %-30s %s\n", head, p.summary.data);
  }
  if (n == 0)
    printf("  (none yet: the mlt, loop and accel passes land with their "
           "dialects)\n");
  printf("\nUPSTREAM PASSES:\n"
         "  Every registered MLIR pass is a flag too, with its options as the\n"
         "  value: --canonicalize, --cse, --canonicalize='max-iterations=2'.\n"
         "  --list-passes prints all %ld of them.\n",
         (long)mloptGetNumUpstreamPasses());
}

static void print_pass_list(void) {
  intptr_t n = mloptGetNumPasses();
  printf("mlopt passes:\n");
  for (intptr_t i = 0; i < n; i++) {
    MloptPassInfo p = mloptGetPass(i);
    printf("  --%-40s %s\n", p.flag.data, p.summary.data);
  }
  printf("upstream MLIR passes:\n");
  n = mloptGetNumUpstreamPasses();
  for (intptr_t i = 0; i < n; i++) {
    MloptPassInfo p = mloptGetUpstreamPass(i);
    printf("  --%-40s %s\n", p.flag.data, p.summary.data);
  }
}

/* Reports an unknown flag with the closest known one. */
static void unknown_flag(const char *arg, const char *name, size_t len) {
  char *word = strndup(name, len);
  if (!word)
    abort();
  MlSuggest s;
  ml_suggest_init(&s, word);
  for (int i = 0; i < NUM_FLAGS; i++)
    ml_suggest_offer(&s, flags[i].name);
  for (intptr_t i = 0, n = mloptGetNumPasses(); i < n; i++)
    ml_suggest_offer(&s, mloptGetPass(i).flag.data);
  for (intptr_t i = 0, n = mloptGetNumUpstreamPasses(); i < n; i++)
    ml_suggest_offer(&s, mloptGetUpstreamPass(i).flag.data);
  fprintf(stderr, "ml-opt: error: unknown flag '%s'", arg);
  if (s.best)
    fprintf(stderr, "; did you mean '-%s%s'?", strlen(s.best) == 1 ? "" : "-",
            s.best);
  fprintf(stderr, "\nml-opt: run 'ml-opt --help' for the flags, "
                  "'ml-opt --list-passes' for the passes\n");
  free(word);
}

static int parse_bool(const char *flag, const char *v, bool *out) {
  if (!v || !strcmp(v, "true") || !strcmp(v, "1")) {
    *out = true;
    return 0;
  }
  if (!strcmp(v, "false") || !strcmp(v, "0")) {
    *out = false;
    return 0;
  }
  fprintf(stderr,
          "ml-opt: error: invalid value '%s' for --%s: expected true or false\n",
          v, flag);
  return -1;
}

static void add_pass(MlOptions *o, const char *name, const char *value) {
  MlPassFlag *p = realloc(o->passes, (o->num_passes + 1) * sizeof *p);
  if (!p)
    abort();
  o->passes = p;
  o->passes[o->num_passes++] = (MlPassFlag){name, value};
}

int ml_options_parse(int argc, char **argv, MlOptions *o) {
  memset(o, 0, sizeof *o);
  o->input = NULL;
  o->verify_each = true;
  o->opt_level = 3;
  bool only_inputs = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (only_inputs || arg[0] != '-' || !strcmp(arg, "-")) {
      if (o->input) {
        fprintf(stderr,
                "ml-opt: error: more than one input file ('%s' and '%s')\n",
                o->input, arg);
        return ML_OPTIONS_EXIT_ERROR;
      }
      o->input = arg;
      continue;
    }
    if (!strcmp(arg, "--")) {
      only_inputs = true;
      continue;
    }
    const char *name = arg + (arg[1] == '-' ? 2 : 1);
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const char *value = eq ? eq + 1 : NULL;
    const Flag *f = find_flag(name, len);
    if (!f) {
      MlirStringRef n = mlirStringRefCreate(name, len);
      if (len && mloptIsPassFlag(n)) {
        char *pass = strndup(name, len); /* freed with the options */
        if (!pass)
          abort();
        add_pass(o, pass, value);
        continue;
      }
      unknown_flag(arg, name, len);
      return ML_OPTIONS_EXIT_ERROR;
    }
    if (f->arg == NONE && value) {
      fprintf(stderr, "ml-opt: error: --%s takes no value (got '%s')\n",
              f->name, arg);
      return ML_OPTIONS_EXIT_ERROR;
    }
    if (f->arg == REQUIRED && !value) {
      if (i + 1 >= argc) {
        fprintf(stderr, "ml-opt: error: %s needs a value: %s%s %s\n", arg,
                strlen(f->name) == 1 ? "-" : "--", f->name, f->arg_help);
        return ML_OPTIONS_EXIT_ERROR;
      }
      value = argv[++i];
    }
    const char *fn = f->name;
    if (!strcmp(fn, "help")) {
      print_help();
      return ML_OPTIONS_EXIT_OK;
    } else if (!strcmp(fn, "version")) {
      printf("ml-opt (mlopt) %s\nbuilt with MLIR %s\n", mloptGetVersion().data,
             mloptGetMlirVersion().data);
      return ML_OPTIONS_EXIT_OK;
    } else if (!strcmp(fn, "list-passes")) {
      print_pass_list();
      return ML_OPTIONS_EXIT_OK;
    } else if (!strcmp(fn, "o")) {
      if (!*value) {
        fprintf(stderr, "ml-opt: error: -o needs a file name\n");
        return ML_OPTIONS_EXIT_ERROR;
      }
      o->output = value;
    } else if (!strcmp(fn, "split-input-file")) {
      o->split_marker = value && *value ? value : "// -----";
    } else if (!strcmp(fn, "verify-diagnostics")) {
      o->verify_diagnostics = true;
    } else if (!strcmp(fn, "print-ir-before-all")) {
      o->print_ir_before_all = true;
    } else if (!strcmp(fn, "print-ir-after-all")) {
      o->print_ir_after_all = true;
    } else if (!strcmp(fn, "print-ir-after-failure")) {
      o->print_ir_after_failure = true;
    } else if (!strcmp(fn, "remarks")) {
      o->remarks = true;
    } else if (!strcmp(fn, "timing")) {
      o->timing = true;
    } else if (!strcmp(fn, "pass-statistics")) {
      o->pass_statistics = true;
    } else if (!strcmp(fn, "dump-pass-pipeline")) {
      o->dump_pass_pipeline = true;
    } else if (!strcmp(fn, "mlir-print-generic")) {
      o->print_generic = true;
    } else if (!strcmp(fn, "mlir-print-debuginfo")) {
      o->print_debuginfo = true;
    } else if (!strcmp(fn, "verify-each")) {
      if (parse_bool("verify-each", value, &o->verify_each))
        return ML_OPTIONS_EXIT_ERROR;
    } else if (!strcmp(fn, "mlir-disable-threading")) {
      o->disable_threading = true;
    } else if (!strcmp(fn, "allow-unregistered-dialect")) {
      o->allow_unregistered_dialect = true;
    } else if (!strcmp(fn, "emit")) {
      static const char *kinds[] = {"mlir", "llvm", "asm", "obj", "header"};
      o->emit = -1;
      for (int k = 0; k < 5; k++)
        if (!strcmp(value, kinds[k]))
          o->emit = k; /* 0 = mlir, then MloptEmitKind + 1 in order */
      if (o->emit < 0) {
        fprintf(stderr, "ml-opt: error: invalid value '%s' for --emit: "
                        "expected mlir, llvm, asm, obj or header\n", value);
        return ML_OPTIONS_EXIT_ERROR;
      }
    } else if (!strcmp(fn, "target-triple")) {
      o->target_triple = value;
    } else if (!strcmp(fn, "target-cpu")) {
      o->target_cpu = value;
    } else if (!strcmp(fn, "opt-level")) {
      if (strlen(value) != 1 || value[0] < '0' || value[0] > '3') {
        fprintf(stderr, "ml-opt: error: invalid value '%s' for --opt-level: "
                        "expected 0, 1, 2 or 3\n", value);
        return ML_OPTIONS_EXIT_ERROR;
      }
      o->opt_level = value[0] - '0';
    } else if (!strcmp(fn, "pass-pipeline")) {
      char *pass = strdup("pass-pipeline");
      if (!pass)
        abort();
      add_pass(o, pass, value);
    }
  }
  if (!o->input)
    o->input = "-";
  if (o->emit >= 3 && o->split_marker) {
    fprintf(stderr, "ml-opt: error: --emit=%s writes one file and cannot be "
                    "combined with --split-input-file\n",
            o->emit == 3 ? "obj" : "header");
    return ML_OPTIONS_EXIT_ERROR;
  }
  return ML_OPTIONS_RUN;
}

void ml_options_free(MlOptions *o) {
  for (size_t i = 0; i < o->num_passes; i++)
    free((char *)o->passes[i].name);
  free(o->passes);
  o->passes = NULL;
  o->num_passes = 0;
}
