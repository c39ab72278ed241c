# Pester 5 tests of run.ps1: parameter validation, the Windows and Linux preflight decisions (Windows-only
# cmdlets mocked through run.ps1's small wrappers) and exit codes. Run by tools/run-pester.sh.

BeforeAll {
    $script:RunPs1 = Join-Path $PSScriptRoot '../../run.ps1'
    . $script:RunPs1
}

Describe 'parameter validation' {
    It 'accepts every profile of the set' -ForEach @('quick', 'default', 'thorough') {
        Test-RunParameters -Bound @{ Profile = $_ } -Unexpected @() | Should -BeNullOrEmpty
    }

    It 'rejects <Bound.Keys> <Bound.Values> with a one-line message' -ForEach @(
        @{ Bound = @{ Profile = 'fast' }; Says = 'quick, default, thorough' }
        @{ Bound = @{ Samples = 'abc' }; Says = 'whole number' }
        @{ Bound = @{ Samples = '0' }; Says = '>= 1' }
        @{ Bound = @{ Warmup = '-1' }; Says = 'whole number' }
        @{ Bound = @{ Modes = 'host,,runc' }; Says = 'empty entry' }
    ) {
        $message = Test-RunParameters -Bound $Bound -Unexpected @()
        $message | Should -Match ([regex]::Escape($Says))
        $message | Should -Not -Match "`n"
    }

    It 'rejects an unknown argument' {
        Test-RunParameters -Bound @{} -Unexpected @('-Bogus') | Should -Match "unknown argument '-Bogus'"
    }

    It 'exits 2 on <Arguments> when run as pwsh -File (not PowerShell''s own 1)' -ForEach @(
        @{ Arguments = @('-Profile', 'bogus') }
        @{ Arguments = @('-Bogus', 'x') }
        @{ Arguments = @('-Samples', 'many') }
        @{ Arguments = @('positional') }
    ) {
        # Under `dotnet pwsh` this process is dotnet itself: start pwsh.dll from $PSHOME the same way.
        $native = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        $launcher = @(if (Test-Path $native) { $native } else { 'dotnet'; Join-Path $PSHOME 'pwsh.dll' })
        & $launcher[0] @($launcher | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script:RunPs1 @Arguments 2>&1 | Out-Null
        $LASTEXITCODE | Should -Be 2
    }

    It 'documents every parameter and has examples in Get-Help' {
        $help = Get-Help $script:RunPs1 -Full
        $names = $help.parameters.parameter.name
        foreach ($p in 'Modes', 'Workloads', 'Profile', 'Samples', 'Warmup', 'Output', 'Baseline', 'Publish', 'Setup', 'NoBuild') {
            $names | Should -Contain $p
            ($help.parameters.parameter | Where-Object name -eq $p).description.Text | Should -Not -BeNullOrEmpty
        }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
    }
}

Describe 'Windows preflight' {
    BeforeEach {
        Mock Get-WindowsFeatureState { 'Enabled' }
        Mock Test-EngineAnswers { $true }
        Mock Get-WindowsHostBuild { 20348 }
        Mock Test-IsElevated { $true }
        Mock Get-HypervisorPresent { 'True' }
        Mock Test-MsvcBuildTools { $true }
        Mock Test-WingetAvailable { $true }
        Mock Invoke-WingetBuildTools { 0 }
    }

    It 'maps build <Build> to nanoserver:<Tag>' -ForEach @(
        @{ Build = 17763; Tag = 'ltsc2019' }, @{ Build = 20348; Tag = 'ltsc2022' }, @{ Build = 26100; Tag = 'ltsc2025' }
        @{ Build = 22000; Tag = 'ltsc2022' }, @{ Build = 22621; Tag = 'ltsc2022' }, @{ Build = 22631; Tag = 'ltsc2022' }
        @{ Build = 26200; Tag = 'ltsc2025' }
    ) {
        Mock Get-WindowsHostBuild { $Build }
        $r = Invoke-WindowsPreflight -Modes ''
        $r.ExitCode | Should -Be 0
        $r.Modes | Should -Be 'host,process,hyperv'
        $r.Lines -join "`n" | Should -Match "nanoserver:$Tag"
    }

    It 'stops with the command to enable Containers when the feature is off' {
        Mock Get-WindowsFeatureState { 'Disabled' } -ParameterFilter { $Feature -eq 'Containers' }
        $r = Invoke-WindowsPreflight -Modes ''
        $r.ExitCode | Should -Be 2
        $r.Lines | Should -HaveCount 1
        $r.Lines[0] | Should -Match 'Enable-WindowsOptionalFeature -Online -FeatureName Containers'
    }

    It 'needs Hyper-V only when hyperv is asked' {
        Mock Get-WindowsFeatureState { 'Disabled' } -ParameterFilter { $Feature -eq 'HyperV' }
        (Invoke-WindowsPreflight -Modes 'host,process').ExitCode | Should -Be 0
        $r = Invoke-WindowsPreflight -Modes 'host,hyperv'
        $r.ExitCode | Should -Be 2
        $r.Lines[0] | Should -Match 'Microsoft-Hyper-V'
        $r.Lines[0] | Should -Match '-Modes host,process'
    }

    It 'says to start the engine when its pipe does not answer' {
        Mock Test-EngineAnswers { $false }
        $r = Invoke-WindowsPreflight -Modes ''
        $r.ExitCode | Should -Be 2
        $r.Lines[0] | Should -Match 'Start-Service docker'
    }

    It 'hyperv with no running hypervisor (HypervisorPresent False): exit 2, offers host,process' {
        Mock Get-HypervisorPresent { 'False' }
        (Invoke-WindowsPreflight -Modes 'host,process').ExitCode | Should -Be 0
        $r = Invoke-WindowsPreflight -Modes 'host,hyperv'
        $r.ExitCode | Should -Be 2
        $r.Lines[0] | Should -Match 'HypervisorPresent'
        $r.Lines[0] | Should -Match '-Modes host,process'
    }

    It 'goes on when HypervisorPresent cannot be read' {
        Mock Get-HypervisorPresent { 'Unknown' }
        (Invoke-WindowsPreflight -Modes 'host,hyperv').ExitCode | Should -Be 0
    }

    It 'not elevated: says run elevated or add a group in daemon.json, not Start-Service' {
        Mock Test-EngineAnswers { $false }
        Mock Test-IsElevated { $false }
        $r = Invoke-WindowsPreflight -Modes ''
        $r.ExitCode | Should -Be 2
        $r.Lines | Should -HaveCount 1
        $r.Lines[0] | Should -Match 'run elevated'
        $r.Lines[0] | Should -Match 'daemon.json'
        $r.Lines[0] | Should -Not -Match '\bStart-Service'
    }

    It 'without the MSVC build tools: exit 2 with the winget command, and no clang/lld' {
        Mock Test-MsvcBuildTools { $false }
        $r = Invoke-WindowsPreflight -Modes ''
        $r.ExitCode | Should -Be 2
        $r.Lines | Should -HaveCount 1
        $r.Lines[0] | Should -Match ([regex]::Escape('winget install Microsoft.VisualStudio.2022.BuildTools --override "--add Microsoft.VisualStudio.Workload.VCTools --includeRecommended"'))
        $r.Lines[0] | Should -Match '-Setup'
        $r.Lines[0] | Should -Not -Match 'clang|lld'
        Should -Invoke Invoke-WingetBuildTools -Times 0
    }

    It 'host alone needs no MSVC (nothing is AOT-published)' {
        Mock Test-MsvcBuildTools { $false }
        (Invoke-WindowsPreflight -Modes 'host').ExitCode | Should -Be 0
    }

    It '-Setup installs the MSVC build tools with winget when they are missing' {
        Mock Test-MsvcBuildTools { $false }
        $r = Invoke-WindowsPreflight -Modes '' -Setup
        $r.ExitCode | Should -Be 0
        Should -Invoke Invoke-WingetBuildTools -Times 1
        $r.Lines -join "`n" | Should -Match 'installed Visual Studio''s C\+\+ build tools'
    }

    It '-Setup with a failing winget is exit 1; without winget exit 2' {
        Mock Test-MsvcBuildTools { $false }
        Mock Invoke-WingetBuildTools { 5 }
        (Invoke-WindowsPreflight -Modes '' -Setup).ExitCode | Should -Be 1
        Mock Test-WingetAvailable { $false }
        (Invoke-WindowsPreflight -Modes '' -Setup).ExitCode | Should -Be 2
    }

    It 'refuses process isolation on Windows 10 build 19045 and offers hyperv' {
        Mock Get-WindowsHostBuild { 19045 }
        $r = Invoke-WindowsPreflight -Modes 'host,process'
        $r.ExitCode | Should -Be 2
        $r.Lines | Should -HaveCount 1
        $r.Lines[0] | Should -Match '19045'
        $r.Lines[0] | Should -Match '-Modes host,hyperv'
        $r.Lines[0] | Should -Match 'ltsc2019'
        $r.Lines[0] | Should -Match 'version-compatibility'
    }

    It 'drops process from the default modes on build 19045 and says so' {
        Mock Get-WindowsHostBuild { 19045 }
        $r = Invoke-WindowsPreflight -Modes ''
        $r.ExitCode | Should -Be 0
        $r.Modes | Should -Be 'host,hyperv'
        $r.Lines[0] | Should -Match 'process isolation cannot run here'
    }

    It 'goes on when the feature state cannot be read (not elevated)' {
        Mock Get-WindowsFeatureState { 'Unknown' }
        (Invoke-WindowsPreflight -Modes '').ExitCode | Should -Be 0
    }
}

Describe 'Linux preflight' {
    It 'without -Setup and no engine: exit 2 and the exact command to run' {
        Mock Test-EngineAnswers { $false }
        $r = Invoke-LinuxPreflight -Modes '' -Root '/repo'
        $r.ExitCode | Should -Be 2
        $r.Lines | Should -HaveCount 1
        $r.Lines[0] | Should -Match ([regex]::Escape('sudo tools/start-engine.sh'))
    }

    It 'host alone needs no engine' {
        Mock Test-EngineAnswers { $false }
        (Invoke-LinuxPreflight -Modes 'host' -Root '/repo').ExitCode | Should -Be 0
    }

    It '-Setup as root runs start-engine.sh then install-runsc.sh and says what was done' {
        Mock Test-IsRoot { $true }
        Mock Test-Path { $true }
        Mock Invoke-SetupScript { 0 }
        $r = Invoke-LinuxPreflight -Modes '' -Setup -Root '/repo'
        $r.ExitCode | Should -Be 0
        Should -Invoke Invoke-SetupScript -Times 1 -ParameterFilter { $Path -like '*tools/start-engine.sh' }
        Should -Invoke Invoke-SetupScript -Times 1 -ParameterFilter { $Path -like '*tools/install-runsc.sh' }
        $r.Lines -join "`n" | Should -Match 'crun registered'
        $r.Lines -join "`n" | Should -Match 'runsc'
    }

    It '-Setup skips install-runsc.sh when the clone has none' {
        Mock Test-IsRoot { $true }
        Mock Test-Path { $Path -like '*start-engine.sh' }
        Mock Invoke-SetupScript { 0 }
        $r = Invoke-LinuxPreflight -Modes '' -Setup -Root '/repo'
        $r.ExitCode | Should -Be 0
        Should -Invoke Invoke-SetupScript -Times 1
        $r.Lines -join "`n" | Should -Match 'install-runsc.sh is not in this clone'
    }

    It '-Setup without root: exit 2 and the sudo command' {
        Mock Test-IsRoot { $false }
        $r = Invoke-LinuxPreflight -Modes '' -Setup -Root '/repo'
        $r.ExitCode | Should -Be 2
        $r.Lines[0] | Should -Match 'sudo dotnet pwsh ./run.ps1 -Setup'
    }

    It 'a failing setup script is exit 1' {
        Mock Test-IsRoot { $true }
        Mock Test-Path { $true }
        Mock Invoke-SetupScript { 1 }
        (Invoke-LinuxPreflight -Modes '' -Setup -Root '/repo').ExitCode | Should -Be 1
    }
}

Describe 'the flow and its exit codes' {
    BeforeEach {
        $script:Root = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))).FullName
        Mock Get-HostPlatform { 'linux' }
        Mock Test-EngineAnswers { $true }
        Mock Invoke-DotnetBuild { 0 }
        Mock Test-IsobenchCommand { $true }
        Mock New-RunId { 'run1' }
        Mock Write-RunLine { }
        Mock Write-RunError { }
        $script:Calls = [Collections.Generic.List[object]]::new()
        Mock Invoke-Isobench {
            $script:Calls.Add($Arguments)
            if ($Arguments[0] -eq 'run') { New-Item -ItemType File -Force -Path (Join-Path $script:Root 'out/run1/manifest.json') | Out-Null }
            $script:Codes[$Arguments[0]]
        }
        $script:Codes = @{ run = 0; report = 0; publish = 0 }
    }
    AfterEach { Remove-Item -Recurse -Force $script:Root }

    It 'passes the parameters through, then reports and publishes the run directory' {
        $code = Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{
            Modes = 'host,runc'; Workloads = 'startup'; Samples = '5'; Warmup = '1'; Profile = 'quick'
            Output = 'out'; Baseline = 'runc'; Publish = 'docs'
        }
        $code | Should -Be 0
        $run = $script:Calls[0] -join ' '
        $run | Should -Match '^run --modes host,runc --workloads startup --samples 5 --warmup 1 --profile quick --output .*out --run-id run1 --no-report$'
        $script:Calls[1] -join ' ' | Should -Match '^report .*out[/\\]run1 --baseline runc$'
        $script:Calls[2] -join ' ' | Should -Match '^publish .*out[/\\]run1 docs$'
    }

    It '-EngineBench asks isobench run for the BenchmarkDotNet cross-check' {
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Modes = 'host,runc'; Output = 'out'; EngineBench = [switch]$true } | Should -Be 0
        $script:Calls[0] -join ' ' | Should -Match '^run --modes host,runc --engine-bench --output .*out --run-id run1 --no-report$'
    }

    It 'propagates isobench run''s exit code <Code>' -ForEach @(@{ Code = 1 }, @{ Code = 2 }) {
        $script:Codes.run = $Code
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Output = 'out' } | Should -Be $Code
    }

    It 'fails when the report fails even if the run passed' {
        $script:Codes.report = 1
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Output = 'out' } | Should -Be 1
    }

    It 'skips the report with a note when isobench has no report command' {
        Mock Test-IsobenchCommand { $false }
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Output = 'out' } | Should -Be 0
        $script:Calls | Should -HaveCount 1
        $script:Calls[0] | Should -Not -Contain '--no-report'
        Should -Invoke Write-RunLine -ParameterFilter { $Text -match 'report skipped' }
    }

    It 'does not build with -NoBuild' {
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Output = 'out'; NoBuild = [switch]$true } | Should -Be 0
        Should -Invoke Invoke-DotnetBuild -Times 0
    }

    It 'a failed build is exit 1 and runs nothing' {
        Mock Invoke-DotnetBuild { 1 }
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Output = 'out' } | Should -Be 1
        $script:Calls | Should -HaveCount 0
    }

    It 'a bad parameter is exit 2 and runs nothing' {
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Profile = 'nope' } | Should -Be 2
        Should -Invoke Invoke-DotnetBuild -Times 0
    }

    It 'on Windows the default modes are host,process,hyperv' {
        Mock Get-HostPlatform { 'windows' }
        Mock Get-WindowsFeatureState { 'Enabled' }
        Mock Get-HypervisorPresent { 'True' }
        Mock Test-MsvcBuildTools { $true }
        Mock Get-WindowsHostBuild { 26100 }
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Output = 'out' } | Should -Be 0
        $script:Calls[0] -join ' ' | Should -Match '--modes host,process,hyperv'
    }

    It 'on Linux without -Modes isobench picks the modes' {
        Invoke-RunScript -Root $script:Root -Unexpected @() -Bound @{ Output = 'out' } | Should -Be 0
        $script:Calls[0] | Should -Not -Contain '--modes'
    }
}
