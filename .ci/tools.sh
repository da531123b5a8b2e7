#!/usr/bin/env bash
# Installs the standard tools the interoperability tests read awskg's output
# with, and sets AWSKG_REQUIRE_TOOLS=1 so those tests fail instead of
# skipping when a tool is missing:
#
#   raptor2-utils     rapper reads the N-Quads export
#   python3-rdflib    rdflib reads the N-Quads and JSON-LD exports
#   python3-networkx  networkx reads the GML and GraphML exports
#   fonts-droid-fallback, fonts-symbola
#                     system fonts with CJK and emoji glyphs, which PNG
#                     rendering falls back to (graph/render_font.go)
#
# Meant for a Debian machine, run as root (CI is). Source it from .ci/run:
#
#   source .ci/tools.sh || exit 1
#
# Packages already installed are not fetched again.

awskg_tools_packages=(raptor2-utils python3-rdflib python3-networkx fonts-droid-fallback fonts-symbola)

awskg_tools_install() {
	local missing=() p
	for p in "${awskg_tools_packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if ((${#missing[@]})); then
		printf '%s\n' "tools.sh: installing ${missing[*]} from Debian packages" >&2
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >&2 || {
			printf '%s\n' "tools.sh: apt-get install ${missing[*]} failed" >&2
			return 1
		}
	fi
	export AWSKG_REQUIRE_TOOLS=1
}

awskg_tools_install
