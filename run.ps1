<#
.SYNOPSIS
    Measures what container isolation costs on this host: preflight, build, isobench run, report.

.DESCRIPTION
    One command from a fresh clone to a report. It checks the host (Linux: a Docker engine; Windows: the
    Containers and Hyper-V features, the engine's named pipe, and a nanoserver image the host build can run),
    builds the solution, runs `isobench run` (results/<run-id>/), writes the report, and publishes it on request.

    Needs PowerShell 7 or newer (pwsh). Windows PowerShell 5.1 is not supported: the script stops with a message
    saying so. On a machine with only the .NET SDK:  dotnet tool restore; dotnet pwsh ./run.ps1 -Setup

    Exit codes: 0 everything passed; 1 a measurement, verification or report failed (isobench's code);
    2 bad input or a host that is not ready (one line says what to do).

.PARAMETER Modes
    Comma-separated isolation modes. Windows default: host,process,hyperv (process is dropped with a note when
    Microsoft's compatibility table has no process-isolated image for the host build). Linux default: let isobench pick host + every runtime the
    engine has (runc, crun, runsc…).

.PARAMETER Workloads
    Comma-separated workloads: startup,syscall,io,cpu,memory,network. Default: isobench's (all of them).

.PARAMETER Profile
    Guest benchmark profile: quick, default or thorough. Default: quick (a first look at every workload in
    minutes; isobench prints the command for a default-profile run at the end).

.PARAMETER Samples
    Measured startup samples per mode (isobench default 30).

.PARAMETER Warmup
    Discarded warmup rounds (isobench default 3).

.PARAMETER Output
    Folder that receives one directory per run. Default: results.

.PARAMETER Baseline
    Mode the report divides by. Default: host.

.PARAMETER Publish
    Folder to publish the report to (isobench publish RUN_DIR DIR), e.g. docs.

.PARAMETER Setup
    Linux, as root: install and start the engine (tools/start-engine.sh: docker.io, crun, clang/lld) and gVisor
    (tools/install-runsc.sh, when present) first. Windows: installs Visual Studio's C++ build tools (MSVC, which
    NativeAOT links with) with winget when they are missing; it never enables Windows features.

.PARAMETER NoBuild
    Skip `dotnet build -c Release` (use the previous Release build).

.PARAMETER Cpus
    Logical CPUs every mode gets, the host baseline included (isobench run --cpus; default: all).

.PARAMETER Memory
    Memory limit every mode gets, the host baseline included, e.g. 2g (isobench run --memory; default 2g).

.PARAMETER EngineBench
    Also time each mode's startup lifecycle with BenchmarkDotNet on the host (isobench run --engine-bench), halfway
    through the startup rounds; the report cross-checks its medians against the harness's. Needs the startup workload.

.EXAMPLE
    dotnet tool restore; sudo dotnet pwsh ./run.ps1 -Setup
    Fresh Linux machine: installs and starts Docker, crun and runsc, then runs every mode.

.EXAMPLE
    pwsh ./run.ps1 -Modes host,runc,crun -Samples 10 -Warmup 1
    A quick Linux comparison of two runtimes against the bare host.

.EXAMPLE
    pwsh ./run.ps1 -Modes host,process,hyperv -Workloads startup,cpu -Publish docs
    Windows Server: process vs Hyper-V isolation, report published to docs/.

.EXAMPLE
    pwsh ./run.ps1 -Modes host,runc,crun -Workloads startup -EngineBench
    Startup measured twice, by the harness's phase sampler and by BenchmarkDotNet, and cross-checked.

.EXAMPLE
    pwsh ./run.ps1 -Profile thorough -Baseline runc -NoBuild
    Re-run with the existing build, ratios against runc instead of the bare host.
#>
[CmdletBinding(PositionalBinding = $false)]
param(
    [string] $Modes,
    [string] $Workloads,
    # Validated by the script, not by [ValidateSet]: PowerShell's own binding errors exit 1, ours exit 2.
    [ArgumentCompleter({ param($c, $p, $word) 'quick', 'default', 'thorough' | Where-Object { $_ -like "$word*" } })]
    [string] $Profile = 'quick',
    [string] $Samples,
    [string] $Warmup,
    [string] $Cpus,
    [string] $Memory,
    [string] $Output = 'results',
    [string] $Baseline,
    [string] $Publish,
    [switch] $Setup,
    [switch] $NoBuild,
    [switch] $EngineBench,
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]] $Unexpected
)

# Kept parseable by Windows PowerShell 5.1 (no ?:, ??, &&) so that it can print this instead of a parse error.
if ($PSVersionTable.PSVersion.Major -lt 7) {
    [Console]::Error.WriteLine("run.ps1: needs PowerShell 7+ (this is Windows PowerShell $($PSVersionTable.PSVersion)): install it or run: dotnet tool restore; dotnet pwsh ./run.ps1")
    exit 2
}

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:Profiles = @('quick', 'default', 'thorough')
# Microsoft's process-isolation compatibility table: host build -> the nanoserver tag it runs process-isolated.
# A copy of harness/IsolationBench.Harness/Engine/WindowsBuilds.cs (run.ps1 cannot call C#); WindowsBuildsTableTests
# keeps the two equal. Source: https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility
# Plain hashtables: an [ordered] one indexed by an int returns the entry at that position, not that key.
$script:ProcessIsolation = @{ 17763 = 'ltsc2019'; 20348 = 'ltsc2022'; 22000 = 'ltsc2022'; 22621 = 'ltsc2022'; 22631 = 'ltsc2022'; 26100 = 'ltsc2025'; 26200 = 'ltsc2025' }
# Each image's own build: hyperv runs the newest image not newer than the host.
$script:NanoserverImages = @{ 17763 = 'ltsc2019'; 20348 = 'ltsc2022'; 26100 = 'ltsc2025' }
$script:MsvcOverride = '--add Microsoft.VisualStudio.Workload.VCTools --includeRecommended'
$script:MsvcInstall = "winget install Microsoft.VisualStudio.2022.BuildTools --override `"$($script:MsvcOverride)`""

function Write-RunLine([string] $Text) { [Console]::Out.WriteLine("run.ps1: $Text") }

function Write-RunError([string] $Text) { [Console]::Error.WriteLine("run.ps1: $Text") }

# ---- validation -----------------------------------------------------------------------------------------

function Test-RunParameters {
    param([hashtable] $Bound, [string[]] $Unexpected)
    if ($Unexpected -and $Unexpected.Count -gt 0) {
        return "unknown argument '$($Unexpected[0])': see Get-Help ./run.ps1 -Full"
    }
    if ($Bound.ContainsKey('Profile') -and $script:Profiles -notcontains $Bound['Profile']) {
        return "-Profile '$($Bound['Profile'])' is not one of: $($script:Profiles -join ', ')"
    }
    foreach ($name in 'Samples', 'Warmup') {
        if ($Bound.ContainsKey($name)) {
            $n = 0
            $min = if ($name -eq 'Samples') { 1 } else { 0 }
            if (-not [int]::TryParse([string]$Bound[$name], [Globalization.NumberStyles]::None, [Globalization.CultureInfo]::InvariantCulture, [ref]$n) -or $n -lt $min) {
                return "-$name '$($Bound[$name])' is not a whole number >= $min"
            }
        }
    }
    foreach ($name in 'Modes', 'Workloads') {
        if ($Bound.ContainsKey($name) -and ([string]::IsNullOrWhiteSpace($Bound[$name]) -or @($Bound[$name] -split ',' | Where-Object { $_.Trim() -eq '' }).Count -gt 0)) {
            return "-$name has an empty entry: give a comma-separated list such as host,process,hyperv"
        }
    }
    return $null
}

# ---- host facts (small wrappers so that Pester can mock them) ------------------------------------------

function Get-HostPlatform { if ($IsWindows) { 'windows' } else { 'linux' } }

function Test-IsRoot { (& id -u 2>$null) -eq '0' }

function Get-WindowsHostBuild { [Environment]::OSVersion.Version.Build }

# The default engine pipe admits Administrators and SYSTEM only (unless daemon.json names a group).
function Test-IsElevated {
    if (-not $IsWindows) { return $false }
    $principal = [Security.Principal.WindowsPrincipal]::new([Security.Principal.WindowsIdentity]::GetCurrent())
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

# NativeAOT on Windows links with MSVC: the same check as isobench doctor (NativeAotToolchain.cs).
function Test-MsvcBuildTools {
    $vswhere = Join-Path ${env:ProgramFiles(x86)} 'Microsoft Visual Studio\Installer\vswhere.exe'
    if (Test-Path $vswhere) {
        $found = & $vswhere -latest -products * -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -property installationPath 2>$null
        if ($LASTEXITCODE -eq 0 -and $found) { return $true }
    }
    return [bool](Get-Command link.exe -ErrorAction SilentlyContinue)
}

# 'True', 'False' or 'Unknown': the Hyper-V feature can be enabled while no hypervisor runs (a VM without nested virtualisation).
function Get-HypervisorPresent {
    try { return [string][bool](Get-CimInstance Win32_ComputerSystem -ErrorAction Stop).HypervisorPresent }
    catch { Write-Verbose "Win32_ComputerSystem query failed: $_"; return 'Unknown' }
}

function Test-WingetAvailable { [bool](Get-Command winget -ErrorAction SilentlyContinue) }

function Invoke-WingetBuildTools {
    & winget install Microsoft.VisualStudio.2022.BuildTools --accept-package-agreements --accept-source-agreements --override $script:MsvcOverride | Out-Host
    return $LASTEXITCODE
}

function Test-EngineAnswers {
    if ((Get-HostPlatform) -eq 'windows' -and -not $env:DOCKER_HOST -and -not (Test-Path '\\.\pipe\docker_engine')) { return $false }
    if (-not (Get-Command docker -ErrorAction SilentlyContinue)) { return $false }
    & docker version --format '{{.Server.Version}}' *> $null
    return $LASTEXITCODE -eq 0
}

# 'Enabled', 'Disabled' or 'Unknown' (e.g. not elevated, or neither cmdlet exists).
function Get-WindowsFeatureState([ValidateSet('Containers', 'HyperV')] [string] $Feature) {
    $optional = if ($Feature -eq 'Containers') { 'Containers' } else { 'Microsoft-Hyper-V' }
    $server = if ($Feature -eq 'Containers') { 'Containers' } else { 'Hyper-V' }
    try {
        if (Get-Command Get-WindowsOptionalFeature -ErrorAction SilentlyContinue) {
            $f = Get-WindowsOptionalFeature -Online -FeatureName $optional -ErrorAction Stop
            if ($f) { return $(if ([string]$f.State -eq 'Enabled') { 'Enabled' } else { 'Disabled' }) }
        }
        if (Get-Command Get-WindowsFeature -ErrorAction SilentlyContinue) {
            $f = Get-WindowsFeature -Name $server -ErrorAction Stop
            if ($f) { return $(if ($f.Installed) { 'Enabled' } else { 'Disabled' }) }
        }
    }
    catch {
        Write-Verbose "feature query for $Feature failed: $_"
    }
    return 'Unknown'
}

function Get-NanoserverTag([int] $Build) {
    if ($script:ProcessIsolation.ContainsKey($Build)) { return $script:ProcessIsolation[$Build] }
    return $null
}

# ---- preflight decisions: each returns @{ ExitCode; Lines; Modes } -------------------------------------

function Invoke-WindowsPreflight {
    param([string] $Modes, [switch] $Setup)
    $explicit = -not [string]::IsNullOrWhiteSpace($Modes)
    $list = if ($explicit) { @($Modes -split ',' | ForEach-Object { $_.Trim() }) } else { @('host', 'process', 'hyperv') }
    $lines = [Collections.Generic.List[string]]::new()
    $result = { param($code) [pscustomobject]@{ ExitCode = $code; Lines = $lines.ToArray(); Modes = ($list -join ',') } }

    if ((Get-WindowsFeatureState Containers) -eq 'Disabled') {
        $lines.Add('the Windows Containers feature is off: Enable-WindowsOptionalFeature -Online -FeatureName Containers -All (as Administrator), reboot, then run again')
        return & $result 2
    }
    if ($list -contains 'hyperv' -and (Get-WindowsFeatureState HyperV) -eq 'Disabled') {
        $lines.Add('hyperv isolation needs the Hyper-V feature: Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All (inside a VM: enable nested virtualization), or run with -Modes host,process')
        return & $result 2
    }
    if ($list -contains 'hyperv' -and (Get-HypervisorPresent) -eq 'False') {
        $lines.Add('hyperv isolation needs a running hypervisor and Win32_ComputerSystem.HypervisorPresent is False (the feature may be on while no hypervisor runs; inside a VM enable nested virtualization), or run with -Modes host,process')
        return & $result 2
    }
    if (-not (Test-EngineAnswers)) {
        if (-not (Test-IsElevated)) {
            $lines.Add('no Docker engine answers on npipe://./pipe/docker_engine to this shell, which is not elevated (the pipe admits Administrators only): run elevated, or add your group in daemon.json ("group": "NAME" in C:\ProgramData\docker\config\daemon.json, then Restart-Service docker)')
        }
        else {
            $lines.Add('no Docker engine answers on npipe://./pipe/docker_engine: Start-Service docker (or start Docker Desktop in Windows-containers mode), then run again')
        }
        return & $result 2
    }
    if (@($list | Where-Object { $_ -ne 'host' }).Count -gt 0 -and -not (Test-MsvcBuildTools)) {
        if (-not $Setup) {
            $lines.Add("the probe is NativeAOT-published and needs Visual Studio's C++ build tools (MSVC), which are missing: $($script:MsvcInstall) (or ./run.ps1 -Setup), then run again")
            return & $result 2
        }
        if (-not (Test-WingetAvailable)) {
            $lines.Add("Visual Studio's C++ build tools (MSVC) are missing and winget is not available: install App Installer from the Microsoft Store, or the Build Tools for Visual Studio 2022 with the C++ workload, then run again")
            return & $result 2
        }
        $code = Invoke-WingetBuildTools
        if ($code -ne 0) {
            $lines.Add("$($script:MsvcInstall) failed (exit $code): see its message above")
            return & $result 1
        }
        $lines.Add("installed Visual Studio's C++ build tools (MSVC): $($script:MsvcInstall)")
    }

    $build = Get-WindowsHostBuild
    $tag = Get-NanoserverTag $build
    if ($tag) {
        $lines.Add("Windows build $build -> nanoserver:$tag")
    }
    elseif ($list -contains 'process') {
        $older = @($script:NanoserverImages.Keys | Where-Object { $_ -lt $build } | Sort-Object -Descending)
        $hyperv = if ($older.Count -gt 0) { "nanoserver:$($script:NanoserverImages[$older[0]])" } else { 'an older nanoserver image' }
        $builds = ($script:ProcessIsolation.Keys | Sort-Object) -join ', '
        $why = "Windows build $build is not in Microsoft's process-isolation compatibility table (host builds $builds; https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility), so process isolation cannot run here"
        if ($explicit) {
            $lines.Add("${why}: use -Modes host,hyperv (hyperv runs $hyperv in a utility VM)")
            return & $result 2
        }
        $list = @($list | Where-Object { $_ -ne 'process' })
        $lines.Add("${why}; measuring host,hyperv instead (hyperv runs $hyperv in a utility VM)")
    }
    return & $result 0
}

function Invoke-LinuxPreflight {
    param([string] $Modes, [switch] $Setup, [string] $Root)
    $lines = [Collections.Generic.List[string]]::new()
    $hostOnly = $Modes -and (@($Modes -split ',' | ForEach-Object { $_.Trim() }) -join ',') -eq 'host'
    if ($Setup) {
        if (-not (Test-IsRoot)) {
            $lines.Add('-Setup installs packages and starts dockerd: run it as root: sudo dotnet pwsh ./run.ps1 -Setup')
            return [pscustomobject]@{ ExitCode = 2; Lines = $lines.ToArray(); Modes = $Modes }
        }
        foreach ($tool in 'start-engine.sh', 'install-runsc.sh') {
            $path = Join-Path $Root "tools/$tool"
            if (-not (Test-Path $path)) {
                $lines.Add("tools/$tool is not in this clone: skipped")
                continue
            }
            $code = Invoke-SetupScript $path
            if ($code -ne 0) {
                $lines.Add("tools/$tool failed (exit $code): see its message above")
                return [pscustomobject]@{ ExitCode = 1; Lines = $lines.ToArray(); Modes = $Modes }
            }
            $lines.Add($(if ($tool -eq 'start-engine.sh') { 'engine ready: docker.io, crun, clang/lld installed when missing; dockerd started; crun registered' } else { 'gVisor runsc installed when missing and registered as runtime runsc' }))
        }
    }
    elseif (-not $hostOnly -and -not (Test-EngineAnswers)) {
        $lines.Add('no Docker engine answers at unix:///var/run/docker.sock: run sudo tools/start-engine.sh (or sudo dotnet pwsh ./run.ps1 -Setup), or -Modes host')
        return [pscustomobject]@{ ExitCode = 2; Lines = $lines.ToArray(); Modes = $Modes }
    }
    return [pscustomobject]@{ ExitCode = 0; Lines = $lines.ToArray(); Modes = $Modes }
}

# ---- the tools run.ps1 drives (wrapped for Pester) -------------------------------------------------------

function Invoke-SetupScript([string] $Path) {
    & bash $Path | Out-Host
    return $LASTEXITCODE
}

function Invoke-DotnetBuild([string] $Root) {
    # The run's projects only (IsolationBench.Run.slnf): the test projects would double a first run's build.
    & dotnet build (Join-Path $Root 'IsolationBench.Run.slnf') -c Release -nologo -v q | Out-Host
    return $LASTEXITCODE
}

function Invoke-Isobench([string] $Root, [string[]] $Arguments) {
    & dotnet run --project (Join-Path $Root 'harness/IsolationBench.Cli') -c Release --no-build -- @Arguments | Out-Host
    return $LASTEXITCODE
}

function Test-IsobenchCommand([string] $Root, [string] $Command) {
    & dotnet run --project (Join-Path $Root 'harness/IsolationBench.Cli') -c Release --no-build -- $Command --help *> $null
    return $LASTEXITCODE -eq 0
}

function New-RunId {
    $name = -join ([Environment]::MachineName.ToLowerInvariant().ToCharArray() | Where-Object { [char]::IsAsciiLetterOrDigit($_) } | Select-Object -First 20)
    return [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss', [Globalization.CultureInfo]::InvariantCulture) + '-' + $name
}

function Get-RunArguments {
    param([hashtable] $Bound, [string] $Modes, [string] $Output, [string] $RunId, [switch] $NoReport)
    $list = [Collections.Generic.List[string]]::new()
    $list.Add('run')
    if ($Modes) { $list.Add('--modes'); $list.Add($Modes) }
    foreach ($pair in @(@('Workloads', '--workloads'), @('Samples', '--samples'), @('Warmup', '--warmup'), @('Profile', '--profile'), @('Cpus', '--cpus'), @('Memory', '--memory'))) {
        if ($Bound.ContainsKey($pair[0])) { $list.Add($pair[1]); $list.Add([string]$Bound[$pair[0]]) }
    }
    if ($Bound['EngineBench']) { $list.Add('--engine-bench') }
    $list.Add('--output'); $list.Add($Output)
    $list.Add('--run-id'); $list.Add($RunId)
    if ($NoReport) { $list.Add('--no-report') }
    return , $list.ToArray()
}

# ---- the whole flow ------------------------------------------------------------------------------------

function Invoke-RunScript {
    param([hashtable] $Bound, [string[]] $Unexpected, [string] $Root)
    $problem = Test-RunParameters -Bound $Bound -Unexpected $Unexpected
    if ($problem) { Write-RunError $problem; return 2 }

    $modes = [string]$Bound['Modes']
    $pre = if ((Get-HostPlatform) -eq 'windows') { Invoke-WindowsPreflight -Modes $modes -Setup:([bool]$Bound['Setup']) }
           else { Invoke-LinuxPreflight -Modes $modes -Setup:([bool]$Bound['Setup']) -Root $Root }
    foreach ($line in $pre.Lines) { if ($pre.ExitCode -eq 0) { Write-RunLine $line } else { Write-RunError $line } }
    if ($pre.ExitCode -ne 0) { return $pre.ExitCode }

    if (-not $Bound['NoBuild']) {
        Write-RunLine 'dotnet build -c Release'
        $code = Invoke-DotnetBuild $Root
        if ($code -ne 0) { Write-RunError "dotnet build failed (exit $code)"; return 1 }
    }

    $output = if ($Bound.ContainsKey('Output')) { [string]$Bound['Output'] } else { 'results' }
    $output = [IO.Path]::GetFullPath($output, $Root)
    $runId = New-RunId
    $runDir = Join-Path $output $runId
    $hasReport = Test-IsobenchCommand $Root 'report'
    $runArgs = Get-RunArguments -Bound $Bound -Modes $pre.Modes -Output $output -RunId $runId -NoReport:$hasReport
    $exit = Invoke-Isobench $Root $runArgs
    if (-not (Test-Path (Join-Path $runDir 'manifest.json'))) {
        Write-RunError "isobench run wrote no run directory (exit $exit)"
        return $(if ($exit -ne 0) { $exit } else { 1 })
    }

    if ($hasReport) {
        $reportArgs = @('report', $runDir)
        if ($Bound['Baseline']) { $reportArgs += @('--baseline', [string]$Bound['Baseline']) }
        $code = Invoke-Isobench $Root $reportArgs
        if ($code -ne 0 -and $exit -eq 0) { $exit = $code }
    }
    else {
        Write-RunLine 'isobench report is not available in this build: report skipped (samples are in the run directory)'
    }

    if ($Bound['Publish']) {
        $code = Invoke-Isobench $Root @('publish', $runDir, [string]$Bound['Publish'])
        if ($code -ne 0 -and $exit -eq 0) { $exit = $code }
    }

    Write-RunLine "results: $runDir"
    if (Test-Path (Join-Path $runDir 'report')) { Write-RunLine "report: $(Join-Path $runDir 'report/index.html')" }
    return $exit
}

# Dot-sourced (Pester): define the functions only. Run as a script: do the work and exit with its code.
if ($MyInvocation.InvocationName -ne '.') {
    try {
        exit (Invoke-RunScript -Bound $PSBoundParameters -Unexpected $Unexpected -Root $PSScriptRoot)
    }
    catch {
        Write-RunError "$($_.Exception.Message)"
        exit 1
    }
}
