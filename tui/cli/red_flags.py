"""`lumbar red-flags`: the red-flag check as plain prompts on the terminal, and `--none`,
which records "no" to every question at once (for a script, a test, or a person who has just
gone through them with their physiotherapist)."""

from __future__ import annotations

import sys
from typing import TextIO

from tui.engine.care import redflags
from tui.engine.care.signs import EMERGENCY, URGENT, plain_lines

#: Exit statuses: recorded; nothing recorded (input ended, or the history cannot be written).
RECORDED, NOT_RECORDED = 0, 1
YES = ("y", "yes")
NO = ("n", "no")


def ask(stdin: TextIO, stdout: TextIO) -> tuple[dict[str, bool], bool]:
    """Each question as a prompt, answered y or n and Enter: (the answers given, whether
    every question was answered before the input ended)."""
    stdout.write("A few rare signs need help fast, and people seldom mention them unless "
                 "asked.\nAnswer each question with y or n, then Enter.\n\n")
    answers: dict[str, bool] = {}
    for n, question in enumerate(redflags.QUESTIONS, 1):
        while True:
            stdout.write(f"{n} of {len(redflags.QUESTIONS)}. {question.text} [y/n] ")
            stdout.flush()
            line = stdin.readline()
            if not line:
                stdout.write("\n")
                return answers, False
            word = line.strip().lower()
            if word in YES or word in NO:
                answers[question.key] = word in YES
                break
            stdout.write(f"Please type y or n (not {line.strip()!r}).\n")
    return answers, True


def advise(answers: dict[str, bool], stdout: TextIO) -> None:
    """The tiers the yes answers lead to, most urgent first; nothing when all were no."""
    for tier in (EMERGENCY, URGENT):
        yes = "; ".join(q.label for q in redflags.yes_to(answers, tier))
        if yes:
            stdout.write(f"\nYou answered yes to {yes}.\n\n" + "\n".join(plain_lines((tier,))) + "\n\n")


def run(none: bool, store=None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """The command; returns the exit status (RECORDED, or NOT_RECORDED with a line on stderr)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if none:
        answers = {key: False for key in redflags.KEYS}
        trigger = "none"
    else:
        found, complete = ask(stdin, stdout)
        if not complete:
            advise(found, stdout)  # a yes already given is answered, recorded or not
            print("lumbar red-flags: the input ended before every question was answered; "
                  "nothing recorded.", file=sys.stderr)
            return NOT_RECORDED
        answers, trigger = found, "command"
    advise(answers, stdout)
    from tui.services.store import open_store

    store = store or open_store()
    store.record_red_flags(trigger, answers)
    store.close()
    if store.pending:
        print(f"lumbar red-flags: the answers could not be written to the history: "
              f"{store.problem or store.warning}", file=sys.stderr)
        return NOT_RECORDED
    what = "no to every question" if none else "your answers"
    stdout.write(f"Recorded in your history: {what}. Press ? in lumbar to see the warning "
                 "signs any time.\n")
    return RECORDED
