"""The command line: `plancheck check | audit | init | import | validate | schema | rules`. main(argv) returns the exit code."""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import re
import sys
import traceback
from datetime import date
from pathlib import Path

from . import __version__
from .checks import REGISTRY
from .dates import parse_date
from .engine import ENGINES
from .limits import MAX_SIZE, format_size, parse_size
from .errors import PlancheckError, Problem
from .output import write_atomically
from contextlib import contextmanager

from rich.console import Console

from .audit import audit_folder
from .cache import FOLDER as CACHE_FOLDER
from .parallel import default_jobs
from .confine import real_path
from .resolve import repository_root
from .scaffold import skeleton
from .report import FORMATTERS, render
from .report.json_stream import write_json
from .run import Checker, expand
from .validate import validate_paths
from .waivers import WAIVERS_FILE
from .schema import document_schema
from .vocab import Level, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


class UsageError(Exception):
    """A command line that cannot be carried out."""


def _as_of(text: str) -> date:
    try:
        return parse_date(text, year=None)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_run_options(command: argparse.ArgumentParser) -> None:
    """The options `check` and `audit` share: the day, the outputs, the gate, the engine, the inputs."""
    command.add_argument("--as-of", type=_as_of, default=None, metavar="DATE", help="the day that decides what is due (default: today)")
    command.add_argument("--format", action=_Target, choices=sorted(FORMATTERS), metavar="FORMAT",
                         help=f"output format: {', '.join(sorted(FORMATTERS))} (default: table). Repeat with --output "
                         "after each to write several: --format json --output a.json --format sarif --output b.sarif")
    command.add_argument("--output", action=_Target, type=Path, metavar="PATH",
                         help="write the report of the --format before it to a file (atomically) instead of the screen")
    command.add_argument("--fail-on", choices=FAIL_ON, default="error", help="lowest severity that fails the run (default: error)")
    command.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default: zh)")
    command.add_argument("--waivers", type=Path, metavar="FILE", help=f"waivers file (default: {WAIVERS_FILE} at the repository root)")
    command.add_argument("--engine", choices=ENGINES, default="durable", help="rule engine (default: durable)")
    command.add_argument("--rules-dir", action="append", type=Path, default=[], metavar="DIR", help="another folder of rule packs")
    _add_input_options(command)
    _add_jobs_option(command)


def _add_jobs_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--jobs", "-j", type=int, default=default_jobs(), metavar="N",
                         help=f"worker processes (default: the number of cores, {default_jobs()}); the output is the same for any N")
    command.add_argument("--no-cache", action="store_true",
                         help=f"do not read or write {CACHE_FOLDER}/ (a cache of results keyed by content; safe to delete)")


def _cache_folder(args) -> Path | None:
    return None if args.no_cache else repository_root(Path.cwd() / "_") / CACHE_FOLDER


@contextmanager
def _progress(targets, total_hint: int):
    """A progress bar on a terminal for long runs, never in JSON, SARIF or piped output."""
    screen = [name for name, output in targets if output is None]
    if not sys.stderr.isatty() or any(name != "table" for name in screen):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("plancheck"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=True, console=Console(file=sys.stderr)) as bar:
        task = bar.add_task("check", total=total_hint or None)
        yield lambda done: bar.advance(task, done)


def _add_input_options(command: argparse.ArgumentParser) -> None:
    """Options that bound what an input may cost or reach: check, audit and validate share them."""
    command.add_argument("--max-size", type=_size, default=MAX_SIZE, metavar="SIZE",
                         help=f"refuse input files larger than this, e.g. 5MB or 512KB (default: {format_size(MAX_SIZE)})")
    command.add_argument("--allow-outside", action="store_true",
                         help="let `superior:` and `evidence:` paths lead out of the repository root "
                         "(the folder with .git, else the folder given on the command line)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plancheck",
        description="Check Safety Production Month (安全生产月) plans against their superior's requirements.",
    )
    parser.add_argument("--version", action="version", version=f"plancheck {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show the Python stack on errors (for debugging)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser(
        "check",
        help="check plans against their superior's requirements",
        description="Check each plan against its superior (from --against, or the plan's own `superior:`) "
        "and the rule packs, and list every requirement it misses.",
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help="plan files, or folders of them")
    check.add_argument("--against", type=Path, metavar="SUPERIOR", help="the superior plan (path or id); overrides `superior:`")
    check.add_argument("--pack", action="append", default=[], metavar="NAME", help="also check against a rule pack, e.g. national-2024")
    _add_run_options(check)
    check.add_argument("--baseline", type=Path, metavar="REPORT", help="an earlier JSON report: fail only on findings not in it")
    check.add_argument("--select", action="append", default=[], metavar="ID", help="only these requirement ids or id prefixes (repeatable)")
    check.add_argument("--ignore", action="append", default=[], metavar="ID", help="leave out these requirement ids or id prefixes (repeatable)")

    audit = commands.add_parser(
        "audit",
        help="audit a tree of plans: who submitted, who is late, what each one misses",
        description="Find every plan under FOLDER, check each against its superior (from `superior:` or by the "
        "number it cites), and show per superior a matrix of subordinates x requirements, the missing and late "
        "submissions, and what falls due in the next 14 days.",
    )
    audit.add_argument("folder", type=Path, metavar="FOLDER", help="the root of a tree of plans")
    _add_run_options(audit)

    init = commands.add_parser(
        "init",
        help="write a new plan's skeleton from its superior's requirements",
        description="Write a plan skeleton: every requirement of the superior becomes a commented, pre-filled item "
        "with its basis. It never overwrites an existing file.",
    )
    init.add_argument("--against", type=Path, required=True, metavar="SUPERIOR", help="the superior plan")
    init.add_argument("--org", required=True, help="the organization writing the plan, e.g. 某某街道办事处")
    init.add_argument("--level", choices=[level.value for level in Level], default="street", help="its level (default: street)")
    init.add_argument("--id", help="the new plan's id (default: the --output file name)")
    init.add_argument("--output", type=Path, metavar="PATH", help="where to write it (default: ID.yaml)")
    init.add_argument("--force", action="store_true", help="replace an existing file")
    init.add_argument("--rules-dir", action="append", type=Path, default=[], metavar="DIR", help="another folder of rule packs")

    importer = commands.add_parser(
        "import",
        help="draft a plan document from a notice (.txt or .docx)",
        description="Read a notice (plain text in UTF-8 or GB18030/GBK, or .docx) and write a draft plancheck "
        "document: each value with the line and phrase it came from, and a TODO for what was not found.",
    )
    importer.add_argument("notice", type=Path, metavar="NOTICE", help="the notice, .txt or .docx")
    importer.add_argument("--output", "-o", type=Path, metavar="PATH", help="where to write the draft (default: NOTICE.yaml)")
    importer.add_argument("--year", type=int, help="the year, when the notice does not say it")
    importer.add_argument("--force", action="store_true", help="replace an existing file")

    validate = commands.add_parser(
        "validate",
        help="lint documents and requirements without checking plans",
        description="Check that documents are valid and that their requirements can be met: impossible windows, "
        "days outside the year, requirements weaker than the superior's for the same thing.",
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="PATH", help="documents, or folders of them")
    validate.add_argument("--rules-dir", action="append", type=Path, default=[], metavar="DIR", help="another folder of rule packs")
    _add_input_options(validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of plancheck documents", description="Print the JSON Schema generated from the document model.")
    schema.add_argument("--output", type=Path, metavar="PATH", help="write it to a file instead")

    rules = commands.add_parser("rules", help="list the rule types, or print one's documentation", description="Without TYPE, list the rule types; with TYPE, print its documentation.")
    rules.add_argument("type", nargs="?", metavar="TYPE", help="a rule type, e.g. drill_per_sector")
    return parser


SUFFIX_FORMATS = {".json": "json", ".sarif": "sarif", ".xml": "junit", ".md": "markdown", ".txt": "table",
                  ".html": "html", ".htm": "html", ".xlsx": "xlsx"}


class _Target(argparse.Action):
    """--format and --output build (format, output) pairs: each --output belongs to the --format before it."""

    def __call__(self, parser, namespace, value, option_string=None):
        targets = list(getattr(namespace, "targets", None) or [])
        slot = "format" if option_string == "--format" else "output"
        if targets and targets[-1][slot] is None:
            targets[-1][slot] = value
        else:
            targets.append({"format": None, "output": None, slot: value})
        namespace.targets = targets


def _targets(args) -> list[tuple[str, Path | None]]:
    targets = getattr(args, "targets", None) or [{"format": None, "output": None}]
    pairs = []
    for target in targets:
        output = target["output"]
        name = target["format"] or (SUFFIX_FORMATS.get(output.suffix.lower(), "table") if output else "table")
        pairs.append((name, output))
    if sum(1 for _, output in pairs if output is None) > 1:
        raise UsageError("more than one --format writes to the screen: give each but one an --output")
    for name, output in pairs:
        if FORMATTERS[name].binary and output is None:
            raise UsageError(f"--format {name} writes a file: give it an --output, e.g. --output report{FORMATTERS[name].suffix}")
    outputs = [output.resolve() for _, output in pairs if output is not None]
    if len(outputs) != len(set(outputs)):
        raise UsageError("two reports would be written to the same --output")
    return pairs


def _write(subject, targets: list[tuple[str, Path | None]], lang: str) -> None:
    """Render `subject` (a check report or an audit) in each format, to the screen or atomically to a file."""
    for name, output in targets:
        chosen = FORMATTERS[name]

        def write(stream, name=name):
            render(subject, stream, format_name=name, lang=lang)

        if output is None:
            write(sys.stdout)
        else:
            write_atomically(output, write, binary=chosen.binary)


def _protect_inputs(targets, *inputs: Path | None) -> None:
    protected = {real_path(path) for path in inputs if path is not None}
    for _, output in targets:
        if output is not None and (real_path(output) in protected or output.is_dir()):
            raise UsageError(f"--output {output} is an input of this run or a folder; choose another path")


def _emit(text_writer, output: Path | None) -> None:
    if output is None:
        text_writer(sys.stdout)
    else:
        write_atomically(output, text_writer)


def run_check(args: argparse.Namespace) -> int:
    targets = _targets(args)
    _protect_inputs(targets, *args.files, args.waivers, args.baseline, args.against)
    checker = Checker(
        as_of=args.as_of or date.today(),
        against=args.against,
        packs=args.pack,
        engine_name=args.engine,
        rules_dirs=args.rules_dir,
        select=args.select,
        ignore=args.ignore,
        waivers_path=args.waivers,
        baseline_path=args.baseline,
        max_size=args.max_size,
        allow_outside=args.allow_outside,
        jobs=max(1, args.jobs),
        cache_folder=_cache_folder(args),
    )
    fail_on = None if args.fail_on == "never" else Severity(args.fail_on)
    files = expand(args.files, jobs=max(1, args.jobs))
    if not files:  # a gate that checked nothing must not pass
        raise UsageError(f"no plancheck documents in {', '.join(str(f) for f in args.files)}")
    with _progress(targets, len(files)) as progress:
        checker.progress = progress
        report = checker.check_paths(args.files, fail_on=fail_on, files=files)
    _write(report, targets, args.lang)
    if not any(name == "table" and output is None for name, output in targets):  # the table shows them already
        for problem in report.problems:
            print(f"plancheck: {problem}", file=sys.stderr)
    return report.exit_code()


def run_audit(args: argparse.Namespace) -> int:
    targets = _targets(args)
    _protect_inputs(targets, args.folder, args.waivers)
    if not args.folder.is_dir():
        raise UsageError(f"{args.folder} is not a folder: audit reads a tree of plans (check takes single files)")
    fail_on = None if args.fail_on == "never" else Severity(args.fail_on)
    cache_folder = _cache_folder(args)
    if cache_folder is not None and all(name == "json" for name, _ in targets):
        return _audit_in_pieces(args, targets, cache_folder, fail_on)
    audit = _audit(args, targets, fail_on)
    _write(audit, targets, args.lang)
    _tell_problems(targets, audit.report.problems)
    return audit.exit_code()


def _auditor(args: argparse.Namespace) -> Checker:
    return Checker(
        as_of=args.as_of or date.today(),
        engine_name=args.engine,
        rules_dirs=args.rules_dir,
        waivers_path=args.waivers,
        max_size=args.max_size,
        allow_outside=args.allow_outside,
        jobs=max(1, args.jobs),
        cache_folder=_cache_folder(args),
    )


def _audit(args: argparse.Namespace, targets, fail_on, checker: Checker | None = None, files: list[Path] | None = None):
    checker = checker or _auditor(args)
    files = expand([args.folder], jobs=max(1, args.jobs)) if files is None else files
    if not files:
        raise UsageError(f"no plancheck documents under {args.folder}")
    with _progress(targets, len(files)) as progress:
        checker.progress = progress
        return audit_folder(args.folder, checker=checker, fail_on=fail_on, files=files)


def _tell_problems(targets, problems) -> None:
    if not any(name == "table" and output is None for name, output in targets):  # the table shows them already
        for problem in problems:
            print(f"plancheck: {problem}", file=sys.stderr)


def _audit_in_pieces(args: argparse.Namespace, targets, cache_folder: Path, fail_on) -> int:
    """A JSON audit kept in pieces (see snapshot.py): after a few edits, only what they touch is done again."""
    try:
        return _audit_from_pieces(args, targets, cache_folder, fail_on)
    finally:
        gc.enable()  # switched off while the pieces are read: main() may be called again in this process


def _audit_from_pieces(args: argparse.Namespace, targets, cache_folder: Path, fail_on) -> int:
    from . import snapshot

    found = snapshot.scan(args.folder)  # before anything is read: an edit made during the run is seen by the next one
    checker = _auditor(args)
    key = snapshot.settings_key(args.folder, checker, fail_on)
    store = snapshot.Store(cache_folder, key)
    # The pieces are a few hundred thousand objects that all live to the end: the collector would walk
    # them again and again as they are read (a third of a re-audit's reading), and find nothing.
    gc.disable()
    index = store.load_index()
    try:
        if index is None or index.key != key:
            raise snapshot.FullAudit("no pieces kept")
        index = snapshot.reaudit(store, index, args.folder, checker, fail_on, found)
        value = snapshot.report_value(store, index)  # every piece read now: a damaged cache is met before any output
    except (snapshot.FullAudit, OSError, EOFError, pickle.UnpicklingError, KeyError, IndexError, AttributeError, TypeError, ValueError) as error:
        gc.enable()  # a full audit makes garbage
        if not isinstance(error, snapshot.FullAudit):
            store.clear()  # a piece was damaged or missing: the pieces start afresh
        checker = _auditor(args)  # the attempt may have checked a few plans with settings of its own
        files = expand([args.folder], jobs=max(1, args.jobs))
        audit = _audit(args, targets, fail_on, checker, files)
        try:
            index = snapshot.keep(store, key, args.folder, audit, files, checker, fail_on, found)
        except OSError:
            index = None  # a cache that cannot be written: the report is still written
        if index is None:
            _write(audit, targets, args.lang)
            _tell_problems(targets, audit.report.problems)
            return audit.exit_code()
        del audit, checker  # the pieces are written: what they were made from goes before they are read back
        value = snapshot.report_value(store, index)
    for number, (_, output) in enumerate(targets):
        value = value if number == 0 else snapshot.report_value(store, index)  # its arrays are made as they are written
        if output is None:
            write_json(sys.stdout, value)
        else:
            write_atomically(output, lambda stream, value=value: write_json(stream, value))
    code, problems = snapshot.outcome(store, index)
    _tell_problems(targets, problems)
    return code


def run_init(args: argparse.Namespace) -> int:
    output = args.output
    plan_id = args.id or (output.stem if output else None)
    if not plan_id or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", plan_id):
        raise UsageError("give the new plan an id (lowercase letters, digits, '-') with --id, or a file name with --output")
    output = output or Path(f"{plan_id}.yaml")
    if output.exists() and not args.force:
        raise UsageError(f"{output} exists; plancheck init never overwrites a file (use --force to replace it)")
    checker = Checker(as_of=date.today(), rules_dirs=args.rules_dir)
    superior = checker.resolver.load(args.against)
    sources = [superior, *(checker.resolver.pack(n, near=superior.path, referrer=superior, pointer=f"/packs/{i}")
                           for i, n in enumerate(superior.plan.packs))]
    requirement_set = checker.resolver.requirement_set(sources, {superior.path.resolve(): checker.resolver.chain(superior, None)})
    text = skeleton(superior=superior, requirements=requirement_set.requirements, plan_id=plan_id, org=args.org,
                    level=Level(args.level), output=output)
    write_atomically(output, lambda stream: stream.write(text))
    print(f"plancheck: wrote {output} with {len(requirement_set.requirements)} requirement(s) to fill in; "
          f"then run: plancheck check {output}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from .importer import count_todos, extract, read_notice, render_draft

    output = args.output or args.notice.with_suffix(".yaml")
    if output.resolve() == args.notice.resolve():
        raise UsageError("--output would overwrite the notice itself; choose another path")
    if output.exists() and not args.force:
        raise UsageError(f"{output} exists; plancheck import never overwrites a file (use --force to replace it)")
    draft = extract(read_notice(args.notice), year=args.year)
    text = render_draft(draft, source=args.notice)
    write_atomically(output, lambda stream: stream.write(text))
    todos = count_todos(text)
    print(f"plancheck: wrote {output}: a draft to review ({todos} line(s) with a TODO); then run: plancheck validate {output}")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    unreadable, lint = validate_paths(args.files, rules_dirs=args.rules_dir, max_size=args.max_size,
                                      allow_outside=args.allow_outside)
    for problem in [*unreadable, *lint]:
        print(f"plancheck: {problem}", file=sys.stderr)
    if unreadable:
        return EXIT_INPUT
    if lint:
        return EXIT_FINDINGS
    print(f"plancheck: {len(expand(args.files))} document(s) valid")
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    _emit(lambda stream: stream.write(json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"), args.output)
    return EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
    if args.type is None:
        width = max(len(name) for name in REGISTRY)
        for name, rule_type in sorted(REGISTRY.items()):
            print(f"{name:<{width}}  {rule_type.documentation().splitlines()[0]}")
        return EXIT_OK
    if args.type not in REGISTRY:
        raise UsageError(f"no rule type `{args.type}`; known: {', '.join(sorted(REGISTRY))}")
    rule_type = REGISTRY[args.type]
    print(f"{rule_type.type}\n{'=' * len(rule_type.type)}\n")
    print(rule_type.documentation())
    fields = rule_type.Params.model_json_schema(by_alias=True).get("properties", {})
    print("\nParameters\n    " + ("\n    ".join(fields) if fields else "(none)"))
    print("\nCommon to every requirement\n    id, type, severity (error | warning | info), basis, title")
    return EXIT_OK


COMMANDS = {"check": run_check, "audit": run_audit, "init": run_init, "import": run_import, "validate": run_validate, "schema": run_schema, "rules": run_rules}


def main(argv: list[str] | None = None) -> int:
    # A check allocates millions of short-lived objects (parser events, field marks, facts) and keeps
    # few: at the default threshold of 700 the collector runs so often that it took a tenth of a large
    # audit's time, and nothing it could find was ever garbage.
    gc.set_threshold(10_000, 10, 10)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except PlancheckError as error:
        for problem in error.problems:
            print(f"plancheck: {problem}", file=sys.stderr)
        return EXIT_INPUT
    except UsageError as error:
        print(f"plancheck: {error}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # `plancheck … | head`: the reader left; say nothing more
        sys.stdout = open(os.devnull, "w")
        return 141
    except OSError as error:
        print(f"plancheck: {Problem(error.filename or '?', error.strerror or str(error), code='os-error')}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("plancheck: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - a bug must still not print a stack to a clerk
        if args.traceback:
            traceback.print_exc()
        else:
            print(f"plancheck: internal error: {type(error).__name__}: {error} (run with --traceback for details)", file=sys.stderr)
        return EXIT_INPUT


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":  # python -m compliance.cli, as well as the plancheck command and cli.py
    entry_point()
