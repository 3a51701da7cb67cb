#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks CleanRoomsML.PowerShell.
.DESCRIPTION
    Build     assembles the importable module in out/CleanRoomsML (and the emulator in out/emulator).
    Test      builds, runs the xunit and Pester suites and ends with one line 'N passed, N failed'.
    Demo      pipes examples/models.csv into New-CRMLAudienceModel against the local emulator.
    Bench     measures load time, per-row cost and memory against baselines.
    Emulator  runs the local Clean Rooms ML emulator in the foreground.
    Clean     removes out/ and the projects' bin/obj folders.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Emulator', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Options passed on to the emulator by the Emulator task, e.g. '--training-seconds', '10', or
    # '--max-pending-audience-models', 'none' to lift the training quota of 2 that it models by default.
    [string[]] $EmulatorArguments = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'CleanRoomsML'
$EmulatorOut = Join-Path $Out 'emulator'
$Manifest = Join-Path $Root 'CleanRoomsML.psd1'
# Under `dotnet pwsh` this process is dotnet itself; the tool's pwsh launcher sits in $PSHOME.
$Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    $version = (Import-PowerShellDataFile $Manifest).ModuleVersion
    Write-Host "Building CleanRoomsML $version ($Configuration)" -ForegroundColor Cyan
    $publish = Join-Path $Out 'publish'
    Remove-Item $ModuleOut, $publish -Recurse -Force -ErrorAction Ignore

    Invoke-Dotnet publish (Join-Path $Root 'src/CleanRoomsML.PowerShell') -c $Configuration -o $publish "-p:Version=$version" --nologo -v quiet
    Invoke-Dotnet publish (Join-Path $Root 'src/CleanRoomsML.Emulator') -c $Configuration -o $EmulatorOut "-p:Version=$version" --nologo -v quiet

    # Only the cmdlet assembly sits in the module folder; everything it depends on goes to dependencies/,
    # which the module resolves itself: on pwsh 7 the client's net8.0 build with the SDK's net8.0 assemblies, in a
    # private load context; on Windows PowerShell the netstandard2.0 set from dependencies/netstandard2.0.
    # pwsh provides System.Management.Automation and the load-context API: the module never ships its own copies.
    $dependencies = Join-Path $ModuleOut 'dependencies'
    $netstandard = New-Item -ItemType Directory -Path (Join-Path $dependencies 'netstandard2.0')
    Copy-Item (Join-Path $publish 'CleanRoomsML.PowerShell.dll') -Destination $ModuleOut
    Get-ChildItem $publish -Filter *.dll |
        Where-Object Name -notin 'CleanRoomsML.PowerShell.dll', 'System.Management.Automation.dll', 'System.Runtime.Loader.dll' |
        Copy-Item -Destination $netstandard
    $core = Join-Path $Out 'publish-core'
    Remove-Item $core -Recurse -Force -ErrorAction Ignore
    Invoke-Dotnet publish (Join-Path $Root 'src/CleanRoomsML.Client') -f net8.0 -c $Configuration -o $core "-p:Version=$version" --nologo -v quiet
    Get-ChildItem $core -Filter *.dll | Copy-Item -Destination $dependencies
    Copy-Item (Join-Path $publish 'CleanRoomsML.Format.ps1xml'), $Manifest -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'en-US') -Destination $ModuleOut -Recurse
    Write-Host "Module: $ModuleOut" -ForegroundColor Green
}

function Get-PesterModulePath {
    Invoke-Dotnet restore (Join-Path $Root 'tests/tools/TestTools.csproj') --nologo -v quiet
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    Join-Path $packages.Trim() 'pester/6.2.0/tools/Pester.psd1'
}

function Set-TestEnvironment {
    # Nothing from the developer's own AWS set-up may leak into the tests, and nothing may probe EC2 metadata.
    $awsHome = Join-Path $Out 'test-aws'
    New-Item -ItemType Directory -Path $awsHome -Force | Out-Null
    foreach ($file in 'config', 'credentials') { Set-Content -Path (Join-Path $awsHome $file) -Value '' }
    $env:AWS_CONFIG_FILE = Join-Path $awsHome 'config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsHome 'credentials'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    foreach ($name in 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
        'AWS_SESSION_TOKEN', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE', 'AWS_ENDPOINT_URL') {
        Remove-Item "env:$name" -ErrorAction Ignore
    }
}

function Invoke-XunitSuite {
    $results = Join-Path $Out 'test-results'
    Remove-Item $results -Recurse -Force -ErrorAction Ignore
    & dotnet test (Join-Path $Root 'CleanRoomsML.PowerShell.sln') -c $Configuration --nologo `
        --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem $results -Filter *.trx -ErrorAction Ignore) {
        $counters = ([xml](Get-Content -Raw $trx.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout
        $skipped += [int]$counters.notExecuted
    }
    if ($LASTEXITCODE -ne 0 -and $failed -eq 0) { $failed = 1 } # a build or host failure counts
    [pscustomobject]@{ Suite = 'xunit'; Passed = $passed; Failed = $failed; Skipped = $skipped }
}

function Invoke-PesterSuite {
    $pester = Get-PesterModulePath
    # Pester runs in its own process so that its module and ours load as a user's session would.
    $script = @"
Import-Module '$pester' -Force
`$c = New-PesterConfiguration
`$c.Run.Path = '$(Join-Path $Root 'tests/pester')'
`$c.Run.PassThru = `$true
`$c.Output.Verbosity = 'Normal'
`$r = Invoke-Pester -Configuration `$c
'PESTER-COUNTS {0} {1} {2}' -f `$r.PassedCount, (`$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount), `$r.SkippedCount
"@
    $passed = 0; $failed = 1; $skipped = 0
    & $Pwsh -NoProfile -NonInteractive -Command $script | ForEach-Object {
        if ($_ -match '^PESTER-COUNTS (\d+) (\d+) (\d+)$') {
            $passed = [int]$Matches[1]; $failed = [int]$Matches[2]; $skipped = [int]$Matches[3]
        } else { Write-Host $_ }
    }
    [pscustomobject]@{ Suite = 'Pester'; Passed = $passed; Failed = $failed; Skipped = $skipped }
}

function Invoke-Test {
    Invoke-Build
    Set-TestEnvironment
    $suites = @(Invoke-XunitSuite; Invoke-PesterSuite)
    foreach ($s in $suites) { Write-Host ('{0}: {1} passed, {2} failed, {3} skipped' -f $s.Suite, $s.Passed, $s.Failed, $s.Skipped) }
    $passed = ($suites | Measure-Object Passed -Sum).Sum
    $failed = ($suites | Measure-Object Failed -Sum).Sum
    $skipped = ($suites | Measure-Object Skipped -Sum).Sum
    Write-Output ('{0} passed, {1} failed, {2} skipped' -f $passed, $failed, $skipped)
    if ($failed -gt 0) { exit 1 }
}

function Start-Emulator {
    param([string[]] $Arguments = @())
    $dll = Join-Path $EmulatorOut 'CleanRoomsML.Emulator.dll'
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--urls', 'http://127.0.0.1:0', '--exit-on-stdin-close') + $Arguments) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $first = $process.StandardOutput.ReadLineAsync()
    if (-not $first.Wait(30000) -or $first.Result -notmatch 'listening on (http://\S+)') {
        $process.Kill($true)
        throw "The emulator did not start: '$($first.Result)'."
    }
    [pscustomobject]@{ Url = $Matches[1]; Process = $process }
}

function Stop-Emulator {
    param($Emulator)
    $Emulator.Process.StandardInput.Close() # --exit-on-stdin-close: the emulator ends itself
    if (-not $Emulator.Process.WaitForExit(5000)) { $Emulator.Process.Kill($true) }
}

function Invoke-Demo {
    Invoke-Build
    Set-TestEnvironment
    # The real service's training quota (2 models in training per region), with 5 s of training instead of hours.
    $emulator = Start-Emulator -Arguments '--quiet', '--training-seconds', '5', '--max-pending-audience-models', '2'
    try {
        Write-Host "`nEmulator: $($emulator.Url) (2 training slots, 5 s of training)" -ForegroundColor Cyan
        & $Pwsh -NoProfile -NonInteractive -Command @"
Import-Module '$ModuleOut/CleanRoomsML.psd1'
`$aws = @{ EndpointUrl = '$($emulator.Url)'; Region = 'us-east-1'; AccessKey = 'AKIAEMULATOR0EXAMPLE'; SecretKey = 'emulatorSecretKey/EXAMPLE0000000000000000' }
`$clock = [Diagnostics.Stopwatch]::StartNew()
function Show([string] `$text, [string] `$color = 'Gray') { Write-Host ('  [{0,4:0.0} s] {1}' -f `$clock.Elapsed.TotalSeconds, `$text) -ForegroundColor `$color }
Write-Host 'Import-Csv examples/models.csv | New-CRMLAudienceModel @aws -WaitForCapacity | Wait-CRMLAudienceModel @aws' -ForegroundColor Cyan
`$rows = Import-Csv '$(Join-Path $Root 'examples/models.csv')'
# -Verbose is merged in only to show, as they happen, the rows held for a slot and sent again. -ThrottleLimit 2
# (no more rows in flight than slots) makes the first rows of the file the first created: with more in flight,
# the service takes whichever arrives first, and row order then holds the earlier outcomes back.
`$trained = @(`$rows |
    New-CRMLAudienceModel @aws -WaitForCapacity -PollIntervalSec 0.5 -ThrottleLimit 2 -ErrorVariable failed -ErrorAction SilentlyContinue -Verbose 4>&1 |
    ForEach-Object {
        if (`$_ -is [System.Management.Automation.VerboseRecord]) {
            if (`$_.Message -match '^Row \d+ .*(held|sending it)') { Show `$_.Message 'DarkYellow' }
        } else { Show "created `$(`$_.Name) (`$(`$_.AudienceModelArn.Split('/')[-1]))"; `$_ }
    } |
    Wait-CRMLAudienceModel @aws -PollIntervalSec 0.5 |
    ForEach-Object { Show "trained `$(`$_.Name): `$(`$_.Status)" 'Green'; `$_ })
Write-Host "``n`$(`$trained.Count) of `$(`$rows.Count) rows trained in `$([int]`$clock.Elapsed.TotalSeconds) s, never more than 2 at a time:" -ForegroundColor Green
`$trained | Sort-Object CreateTime | Format-Table Name, Status, CreateTime, UpdateTime -AutoSize | Out-Host
Write-Host "Failed rows (`$(`$failed.Count)), each with its reason; the row itself is the error's TargetObject:" -ForegroundColor Yellow
foreach (`$e in `$failed) { Write-Host ("  {0} [{1}]: {2}" -f `$e.TargetObject.Name, `$e.FullyQualifiedErrorId.Split(',')[0], `$e) }
Write-Host "``nRun it again with -SkipExisting and nothing is created twice:" -ForegroundColor Cyan
`$again = @(`$rows | New-CRMLAudienceModel @aws -SkipExisting -ErrorAction SilentlyContinue)
Write-Host ("  {0} rows already existed, {1} created" -f @(`$again | Where-Object AlreadyExisted).Count, @(`$again | Where-Object { -not `$_.AlreadyExisted }).Count)
"@
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
    finally {
        Stop-Emulator $emulator
    }
}

function Invoke-Emulator {
    Invoke-Build
    Write-Host 'Starting the Clean Rooms ML emulator; Ctrl+C stops it.' -ForegroundColor Cyan
    & dotnet (Join-Path $EmulatorOut 'CleanRoomsML.Emulator.dll') --urls 'http://127.0.0.1:0' @EmulatorArguments
}

function Invoke-Clean {
    Remove-Item $Out -Recurse -Force -ErrorAction Ignore
    Get-ChildItem (Join-Path $Root 'src'), (Join-Path $Root 'tests') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force -ErrorAction Ignore
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Clean' { Invoke-Clean }
    'Emulator' { Invoke-Emulator }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Build; Set-TestEnvironment; & (Join-Path $Root 'tests/bench/Invoke-Benchmark.ps1') -ModulePath $ModuleOut -EmulatorPath $EmulatorOut -OutputPath (Join-Path $Out 'bench') }
}
