"""Say which system packages the portal and the reports want and which are missing, with the apt command."""

from __future__ import annotations

import shutil
import subprocess

FONTS = {
    "Noto Sans Arabic": "fonts-noto-core",
    "Noto Sans CJK SC": "fonts-noto-cjk",
}


def missing_fonts() -> list[str]:
    if shutil.which("fc-list") is None:
        return sorted(set(FONTS.values()))
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return sorted({pkg for family, pkg in FONTS.items() if family not in listed})


if __name__ == "__main__":
    packages = missing_fonts()
    if packages:
        print(
            "note: fonts for Arabic and Chinese are missing (pages still work; PDF reports need them): "
            f"sudo apt-get install {' '.join(packages)}"
        )
