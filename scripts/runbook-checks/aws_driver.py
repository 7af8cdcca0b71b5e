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
}
# moto 5.2 has no GetAuthorizers for HTTP APIs (500). The driver answers it from the
# authorizers this account's runbooks created (each read back with GetAuthorizer, which moto
# has), so a runbook's look-up finds what it made and creates only what is missing.
EMULATED_REASON = "moto 5.2 does not implement apigatewayv2 GetAuthorizers (500): answered from GetAuthorizer of the authorizers created"


def option(args, name):
    return args[args.index(name) + 1] if name in args and args.index(name) + 1 < len(args) else None


def text_output(value):
    """awscli's `--output text` for the scalars and flat lists a runbook's query selects."""
    if value is None:
        return "None\n"
    if isinstance(value, list):
        return "\t".join("None" if v is None else str(v) for v in value) + "\n"
    return f"{value}\n" if not isinstance(value, (dict,)) else json.dumps(value) + "\n"


def get_authorizers(driver, args, created):
    import jmespath
    api = option(args, "--api-id")
    items = []
    for authorizer in created.get(api, []):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            rc = driver.main(["apigatewayv2", "get-authorizer", "--api-id", api, "--authorizer-id", authorizer, "--output", "json",
                              "--endpoint-url", os.environ["AWS_ENDPOINT_URL"]])
        if rc == 0:
            items.append(json.loads(out.getvalue()))
    answer = {"Items": items}
    query = option(args, "--query")
    value = jmespath.search(query, answer) if query else answer
    return text_output(value) if option(args, "--output") == "text" else json.dumps(value, indent=4) + "\n"
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
    created = {}  # api id -> authorizer ids created in this account
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
            elif key == ("apigatewayv2", "get-authorizers"):
                out.write(get_authorizers(driver, args, created))
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
            if key == ("apigatewayv2", "create-authorizer") and rc == 0:
                # The runbooks select AuthorizerId (text) or print the whole answer (JSON).
                text = out.getvalue().strip()
                identifier = json.loads(text).get("AuthorizerId") if text.startswith("{") else text
                created.setdefault(option(args, "--api-id"), []).append(identifier)
            if key in POLLUTING:
                driver = create_clidriver()
            with open(out_path, "w", encoding="utf-8") as handle:
                handle.write(out.getvalue())
            with open(err_path, "w", encoding="utf-8") as handle:
                handle.write(err.getvalue())
            log.write(json.dumps({"context": context, "command": " ".join(words[:2]), "args": args, "rc": rc,
                                  "allowed": reason, "emulated": EMULATED_REASON if key == ("apigatewayv2", "get-authorizers") else None,
                                  "stderr": err.getvalue()[-400:]}) + "\n")
            log.flush()
            with open(status, "w") as handle:
                handle.write(f"{rc}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
