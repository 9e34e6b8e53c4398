// The kubectl the tests and tools run: `KUBECTL` when set, else `kubectl` found on PATH (execFile searches it), as
// a person would run it. Debian's package puts it at /usr/bin/kubectl; nothing here assumes that.
export const KUBECTL = process.env.KUBECTL ?? "kubectl";
