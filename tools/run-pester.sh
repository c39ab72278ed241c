#!/usr/bin/env bash
# Restores PowerShell (local dotnet tool) and Pester 5.7.1 (NuGet), runs tests/pester non-interactively and
# ends with the line "N passed, N failed". Exit code: 0 only when every test passed. Called by .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"

dotnet tool restore >/dev/null
dotnet restore tests/pester/PesterRestore.proj -nologo -v q >/dev/null
packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')
pester="${packages%/}/pester/5.7.1/tools/Pester.psd1"
[ -f "$pester" ] || { echo "run-pester: Pester 5.7.1 not found at $pester after restore" >&2; exit 1; }

PESTER_MODULE="$pester" dotnet pwsh -NoProfile -NonInteractive -Command '
    $ErrorActionPreference = "Stop"
    Import-Module $env:PESTER_MODULE -RequiredVersion 5.7.1 -Force
    $config = New-PesterConfiguration
    $config.Run.Path = "tests/pester"
    $config.Run.PassThru = $true
    $config.Output.Verbosity = "Detailed"
    $result = Invoke-Pester -Configuration $config
    [Console]::Out.WriteLine("$($result.PassedCount) passed, $($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount) failed")
    if ($result.Result -ne "Passed") { exit 1 }
    exit 0
'
