#!/usr/bin/env python3
"""One awscli process that serves every `aws` command of a runbook run against moto.

Starting awscli costs ~0.5 s per command; a runbook run has hundreds. The runner's bash
defines `aws` as a function that writes its arguments (NUL-separated) to the request FIFO;
this process runs them in-process with awscli's own driver (the same parser and botocore
calls as `aws`), writes stdout/stderr to files, then the exit status to the status FIFO.

Commands moto cannot emulate are not sent; they are logged as allowed-to-fail with the
reason (see NOT_EMULATED). Every command is logged as one JSON line in the log file.

    aws_driver.py FIFO_DIR LOG_FILE
"""
import contextlib
import io
import json
import os
import sys

NOT_EMULATED = {
    ("ecs", "execute-command"): "ECS Exec needs the Session Manager plugin and a task's agent; moto implements neither ExecuteCommand nor a session",
    ("ssm", "start-session"): "Session Manager sessions (port forwarding to the bastion) are not implemented by moto",
    ("apigatewayv2", "get-authorizers"): "moto 5.2 does not implement GetAuthorizers for HTTP APIs (500); AWS lists them",
}
# awscli customizations that leave state on the driver's session (modify-instance-attribute's
# argument rewriting breaks every later ec2 call): the driver is rebuilt after them.
POLLUTING = {("ec2", "modify-instance-attribute")}
# Commands that can only hang in moto: failed at once with the reason instead of waiting.
HANGS = {
    ("ecs", "wait"): "moto never starts service tasks: the waiter would poll for 10 minutes and fail",
}


def main(fifo_dir, log_path):
    from awscli.clidriver import create_clidriver

    request = os.path.join(fifo_dir, "request")
    status = os.path.join(fifo_dir, "status")
    out_path = os.path.join(fifo_dir, "out")
    err_path = os.path.join(fifo_dir, "err")
    context = os.environ.get("RUNBOOK_CONTEXT", "")
    driver = create_clidriver()
    with open(log_path, "a", encoding="utf-8") as log:
        while True:
            with open(request, "rb") as handle:
                data = handle.read()
            if data == b"QUIT\0":
                break
            args = [part.decode("utf-8", "replace") for part in data.split(b"\0")[:-1]]
            if args and args[0] == "@context":
                context = args[1]
                with open(status, "w") as handle:
                    handle.write("0\n")
                continue
            words = [a for a in args if not a.startswith("--")]
            key = tuple(words[:2])
            out, err = io.StringIO(), io.StringIO()
            reason = NOT_EMULATED.get(key)
            if reason:
                rc = 0
            elif key in HANGS:
                err.write(f"(NotWaited) {HANGS[key]}\n")
                rc = 255
            else:
                # --endpoint-url on the line: awscli's rds customization ignores AWS_ENDPOINT_URL.
                endpoint = ["--endpoint-url", os.environ["AWS_ENDPOINT_URL"]] if "--endpoint-url" not in args else []
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    try:
                        rc = driver.main(args + endpoint)
                    except SystemExit as exit:
                        rc = exit.code if isinstance(exit.code, int) else 1
                    except Exception as error:  # an awscli crash is a failed command, not a dead runner
                        err.write(f"{type(error).__name__}: {error}\n")
                        rc = 255
            if key in POLLUTING:
                driver = create_clidriver()
            with open(out_path, "w", encoding="utf-8") as handle:
                handle.write(out.getvalue())
            with open(err_path, "w", encoding="utf-8") as handle:
                handle.write(err.getvalue())
            log.write(json.dumps({"context": context, "command": " ".join(words[:2]), "args": args, "rc": rc,
                                  "allowed": reason, "stderr": err.getvalue()[-400:]}) + "\n")
            log.flush()
            with open(status, "w") as handle:
                handle.write(f"{rc}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
