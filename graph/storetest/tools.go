package storetest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// RequireToolsEnv names the environment variable that makes a missing
// standard tool (rapper, Python with rdflib or networkx, a fallback font)
// fail a test instead of skipping it. .ci/tools.sh installs the tools and
// sets it, so CI never passes without running them.
const RequireToolsEnv = "AWSKG_REQUIRE_TOOLS"

// Missing skips t, or fails it when RequireToolsEnv is set, saying what is
// missing and which Debian package brings it.
func Missing(t testing.TB, what, debianPackage string) {
	t.Helper()
	msg := what + " is not installed (Debian package " + debianPackage + "; .ci/tools.sh installs it)"
	if os.Getenv(RequireToolsEnv) != "" {
		t.Fatalf("%s, and %s is set", msg, RequireToolsEnv)
	}
	t.Skip(msg)
}

// Rapper returns the path of raptor2's rapper, or skips or fails t (see
// Missing).
func Rapper(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("rapper")
	if err != nil {
		Missing(t, "rapper", "raptor2-utils")
	}
	return p
}

// Python returns a Python 3 interpreter that imports module (Debian's
// /usr/bin/python3 first: a python3 earlier on PATH may lack Debian's
// modules), or skips or fails t (see Missing).
func Python(t testing.TB, module, debianPackage string) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		p, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		if exec.Command(p, "-c", "import "+module).Run() == nil {
			return p
		}
	}
	Missing(t, "Python 3 with "+module, debianPackage)
	return ""
}

// RunPython runs a Python script with args and returns its standard output
// and standard error; t fails with the standard error when it exits
// non-zero.
func RunPython(t testing.TB, python, script string, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(python, append([]string{"-c", script}, args...)...)
	var errb strings.Builder
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", python, err, errb.String())
	}
	return string(out), errb.String()
}
