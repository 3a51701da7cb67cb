#Requires -Version 7.2
<#
.SYNOPSIS
    Measures CleanRoomsML's load time, per-row cost, memory and first call against their baselines.
.DESCRIPTION
    Starts one local emulator (quiet, no training delay, no faults) for the whole run and measures four figures,
    each the median over -Runs runs with its baseline measured in the same run, alternating which goes first:

      1. Import      pwsh -NoProfile -c "Import-Module <module>; exit"  vs  pwsh -NoProfile -c exit
                     (whole-process wall time), and, in a separate process, that importing loads no AWSSDK.Core.
      2. Per row     -Rows CSV rows piped into New-CRMLAudienceModel as a user would, with its defaults (up to 4
                     rows in flight; timed inside a fresh pwsh, after the import and one warm-up row)  vs  the
                     floor, the same client in a plain sequential C# loop (tests/bench/Floor), and  vs  the peer,
                     a boto3 loop (tests/bench/boto3_create.py). As a diagnostic, the same pipeline with
                     -ThrottleLimit 1 (one row in flight, like the loops) against the floor, and the pipeline's
                     default against the floor with 4 calls in flight.
      3. Memory      peak working set of the pwsh process piping -MemoryRows rows  vs  the -Rows runs of figure 2.
      4. First call  a fresh pwsh that imports the module and creates one model  vs  a fresh python3 that imports
                     boto3, constructs a client and creates one model (whole-process wall time).
      5. Quota run   -QuotaRows rows piped into New-CRMLAudienceModel -WaitForCapacity | Wait-CRMLAudienceModel
                     (poll interval 0.5 s) against a second emulator at the real service's training quota of 2 with
                     3 s of training  vs  the ideal: ceil(rows / 2) rounds of 3 s, each slot reused the moment it frees.

    Figures 1-4 run with the training quota lifted (--max-pending-audience-models none): with no training time
    it would not bind anyway, and they measure the module, not the quota.

    Every run must create exactly the models it was asked to: the emulator's request counts are checked after
    each run (and the emulator reset before it), and the script stops at the first mismatch or rejected request.
    Prints one table and writes it, with the machine, to <OutputPath>/results.md. It asserts nothing about time:
    a missed target is reported, not thrown.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Bench
.EXAMPLE
    ./tests/bench/Invoke-Benchmark.ps1 -ModulePath out/CleanRoomsML -EmulatorPath out/emulator -OutputPath out/bench -Runs 3
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [ValidateRange(1, 100)] [int] $Runs = 5,
    [ValidateRange(10, 1000000)] [int] $Rows = 2000,
    [ValidateRange(10, 10000000)] [int] $MemoryRows = 20000,
    # The memory figure's rows take long on a small machine; it gets fewer runs than the others.
    [ValidateRange(1, 100)] [int] $MemoryRuns = 3,
    [ValidateRange(2, 1000)] [int] $QuotaRows = 12,
    # Each quota run takes about 20 s; it gets fewer runs than the quick figures.
    [ValidateRange(1, 100)] [int] $QuotaRuns = 3
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$BenchRoot = $PSScriptRoot
$RepoRoot = (Resolve-Path (Join-Path $BenchRoot '../..')).Path
$OutputPath = (New-Item -ItemType Directory -Path $OutputPath -Force).FullName

# Measure a copy of the built module and emulator: a build started elsewhere during the run (it empties
# out/CleanRoomsML first) must not change, or remove, what is being measured.
function Copy-Snapshot([string] $Source, [string] $Name, [string] $MustContain) {
    $target = Join-Path $OutputPath "snapshot/$Name"
    Remove-Item -LiteralPath $target -Recurse -Force -ErrorAction Ignore
    $null = New-Item -ItemType Directory -Path (Split-Path $target) -Force
    Copy-Item -LiteralPath (Resolve-Path $Source).Path -Destination $target -Recurse
    if (-not (Test-Path -LiteralPath (Join-Path $target $MustContain))) { throw "$Source has no $MustContain; build it first." }
    $target
}
$ModulePath = Copy-Snapshot $ModulePath 'CleanRoomsML' 'CleanRoomsML.psd1'
$EmulatorPath = Copy-Snapshot $EmulatorPath 'emulator' 'CleanRoomsML.Emulator.dll'
$Invariant = [cultureinfo]::InvariantCulture
# Under `dotnet pwsh` this process is dotnet itself; the tool's pwsh launcher sits in $PSHOME.
$Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
$DatasetArn = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions'

#region Processes and the emulator
function Get-DotnetPath {
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH)) { return $env:DOTNET_HOST_PATH }
    (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
}

<#
    Runs a process to its end and returns its wall time (Stopwatch from Start to exit), exit code and output.
    Throws if it runs past the timeout or, unless -AllowFailure, ends with a non-zero exit code.
#>
function Invoke-Timed {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 600,
        [switch] $AllowFailure
    )
    $info = [Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $info.ArgumentList.Add($argument) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true

    $clock = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "$FilePath $($ArgumentList -join ' ') ran longer than $TimeoutSeconds s."
    }
    $clock.Stop()
    $process.WaitForExit() # lets the output readers finish
    $result = [pscustomobject]@{
        ElapsedMs = $clock.Elapsed.TotalMilliseconds
        ExitCode  = $process.ExitCode
        StdOut    = $stdout.Result
        StdErr    = $stderr.Result
    }
    $process.Dispose()
    if ($result.ExitCode -ne 0 -and -not $AllowFailure) {
        throw "$FilePath $($ArgumentList -join ' ') failed with exit code $($result.ExitCode):`n$($result.StdOut)`n$($result.StdErr)"
    }
    $result
}

# The last line of a child's standard output, which is its one-line JSON report.
function Read-Report($Result) {
    $line = ($Result.StdOut -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -Last 1)
    if (-not $line) { throw "No report on standard output; stderr: $($Result.StdErr)" }
    $line | ConvertFrom-Json
}

function Start-BenchEmulator([string[]] $Settings = @('--training-seconds', '0', '--max-pending-audience-models', 'none')) {
    $info = [Diagnostics.ProcessStartInfo]::new((Get-DotnetPath))
    foreach ($argument in @((Join-Path $EmulatorPath 'CleanRoomsML.Emulator.dll'), '--urls', 'http://127.0.0.1:0',
            '--quiet', '--exit-on-stdin-close') + $Settings) {
        $info.ArgumentList.Add($argument)
    }
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($info)
    $stderr = $process.StandardError.ReadToEndAsync()
    $first = $process.StandardOutput.ReadLineAsync()
    if (-not $first.Wait(30000) -or $first.Result -notmatch '^CleanRoomsML emulator listening on (http://\S+)$') {
        if (-not $process.HasExited) { $process.Kill($true) }
        throw "The emulator did not start: first line '$($first.Result)'; stderr: $(if ($stderr.IsCompleted) { $stderr.Result })"
    }
    $null = $process.StandardOutput.ReadToEndAsync() # keep draining, so it never blocks on a full pipe
    [pscustomobject]@{ Url = $Matches[1]; Process = $process }
}

function Stop-BenchEmulator($Emulator) {
    try { $Emulator.Process.StandardInput.Close() } catch { } # --exit-on-stdin-close: it ends itself
    if (-not $Emulator.Process.WaitForExit(5000)) { $Emulator.Process.Kill($true) }
    $Emulator.Process.Dispose()
}

function Invoke-EmulatorControl([string] $Path, [string] $Method = 'GET') {
    Invoke-RestMethod -Uri "$($script:Emulator.Url)/_emulator/$Path" -Method $Method -NoProxy
}

function Reset-BenchEmulator { $null = Invoke-EmulatorControl 'reset' -Method POST }

function Get-EmulatorCpuMs {
    $script:Emulator.Process.Refresh()
    $script:Emulator.Process.TotalProcessorTime.TotalMilliseconds
}

<#
    A benchmark that measures errors is worthless: after each run the emulator must have received exactly
    $Expected CreateAudienceModel requests, no other request, and refused none.
#>
function Assert-Created([int] $Expected, [string] $What) {
    $counts = Invoke-EmulatorControl 'requests'
    $creates = $counts.byOperation.PSObject.Properties['CreateAudienceModel']
    $created = if ($creates) { [int]$creates.Value } else { 0 }
    $rejected = @($counts.rejected.PSObject.Properties | Where-Object { [int]$_.Value -gt 0 } | ForEach-Object { "$($_.Name)=$($_.Value)" })
    if ($created -ne $Expected -or [int]$counts.total -ne $Expected -or $rejected.Count -gt 0) {
        throw "$What did not create what it should: expected $Expected CreateAudienceModel requests; the emulator saw $created (total $($counts.total)), rejected: $($rejected -join ', '). The benchmark is void."
    }
}
#endregion

#region Data, statistics, formatting
# Realistic rows: distinct names, the seeded dataset, a description, three tags and a training window.
function New-BenchCsv([string] $Path, [int] $Count) {
    $teams = 'growth', 'crm', 'mobile', 'ecommerce', 'retention'
    $writer = [IO.StreamWriter]::new($Path, $false, [Text.UTF8Encoding]::new($false))
    try {
        $writer.WriteLine('Name,TrainingDatasetArn,Description,Tags,TrainingDataStartTime,TrainingDataEndTime')
        for ($i = 1; $i -le $Count; $i++) {
            $team = $teams[$i % $teams.Count]
            $start = [datetime]::new(2024, 1 + $i % 6, 1)
            $end = $start.AddMonths(3).AddDays(-1)
            $writer.WriteLine(('bench-{0}-lookalike-{1:d6},{2},"Lookalike audience {1} for the {0} team, Q{3} campaign",team={0};campaign=c{1:d6};env=bench,{4},{5}T23:59:59Z' -f
                    $team, $i, $DatasetArn, (1 + $i % 4), $start.ToString('yyyy-MM-dd', $Invariant), $end.ToString('yyyy-MM-dd', $Invariant)))
        }
    }
    finally { $writer.Dispose() }
}

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Format-Ms([double] $Value) { '{0} ms' -f $Value.ToString('0.0', $Invariant) }
function Format-MB([double] $Bytes) { '{0} MB' -f ($Bytes / 1MB).ToString('0.0', $Invariant) }
function Format-Ratio([double] $Value) { '{0}x' -f $Value.ToString('0.00', $Invariant) }

function New-Figure {
    param([string] $Figure, [string] $Ours, [string] $Baseline, [string] $Ratio, [string] $Target, [string] $Met)
    [pscustomobject]@{ Figure = $Figure; Ours = $Ours; Baseline = $Baseline; Ratio = $Ratio; Target = $Target; Met = $Met }
}

function Write-Step([string] $Text) { Write-Host $Text -ForegroundColor Cyan }
#endregion

#region The figures
function Measure-Import {
    Write-Step "1. Import: $Runs runs of each process"
    $bare = @('-NoProfile', '-c', 'exit')
    $import = @('-NoProfile', '-c', "Import-Module '$ModulePath' -ErrorAction Stop; exit")
    $null = Invoke-Timed $Pwsh $bare; $null = Invoke-Timed $Pwsh $import # warm the file cache, untimed

    $ours = [Collections.Generic.List[double]]::new(); $baseline = [Collections.Generic.List[double]]::new()
    for ($run = 1; $run -le $Runs; $run++) {
        if ($run % 2) { $baseline.Add((Invoke-Timed $Pwsh $bare).ElapsedMs); $ours.Add((Invoke-Timed $Pwsh $import).ElapsedMs) }
        else { $ours.Add((Invoke-Timed $Pwsh $import).ElapsedMs); $baseline.Add((Invoke-Timed $Pwsh $bare).ElapsedMs) }
    }
    $o = Get-Median $ours; $b = Get-Median $baseline
    Write-Host "   import: $(($ours | ForEach-Object { $_.ToString('0', $Invariant) }) -join ', ') ms; bare: $(($baseline | ForEach-Object { $_.ToString('0', $Invariant) }) -join ', ') ms"
    New-Figure 'Import: `pwsh -NoProfile -c "Import-Module …; exit"` vs `pwsh -NoProfile -c exit`' `
        (Format-Ms $o) (Format-Ms $b) ('{0} (adds {1})' -f (Format-Ratio ($o / $b)), (Format-Ms ($o - $b))) `
        'adds ≤ 150 ms' ($(if ($o - $b -le 150) { 'yes' } else { 'no' }))

    # Importing alone must not load the SDK; the same probe after one call shows that the probe can see it.
    $probe = @"
`$ErrorActionPreference = 'Stop'
`$clock = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$ModulePath'
`$clock.Stop()
`$before = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count
`$null = New-CRMLAudienceModel -Name probe -TrainingDatasetArn '$DatasetArn' -EndpointUrl '$($script:Emulator.Url)' -Region us-east-1 -AccessKey AKIAEMULATOR0EXAMPLE -SecretKey emulatorSecretKey/EXAMPLE0000000000000000
`$after = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count
"`$before `$after " + `$clock.Elapsed.TotalMilliseconds.ToString('0.0', [cultureinfo]::InvariantCulture)
"@
    Reset-BenchEmulator
    $loaded = (Invoke-Timed $Pwsh @('-NoProfile', '-NonInteractive', '-c', $probe)).StdOut.Trim()
    Assert-Created 1 'The AWSSDK.Core probe'
    if ($loaded -notmatch '^(\d+) (\d+) ([\d.]+)$') { throw "The AWSSDK.Core probe said '$loaded'." }
    $atImport = [int]$Matches[1]; $afterCall = [int]$Matches[2]
    $script:ImportInProcessMs = [double]::Parse($Matches[3], $Invariant)
    if ($afterCall -lt 1) { throw 'The AWSSDK.Core probe cannot see AWSSDK.Core even after a call: the probe is broken.' }
    Write-Host "   AWSSDK.Core assemblies loaded after Import-Module: $atImport; after the first call: $afterCall"
    New-Figure 'Import loads AWSSDK.Core (separate process; loaded after the first call: yes)' `
        ($(if ($atImport) { 'yes' } else { 'no' })) '—' '—' 'no' ($(if ($atImport) { 'no' } else { 'yes' }))
}

function Measure-PerRowAndMemory([object] $Python) {
    $csv = Join-Path $OutputPath "rows-$Rows.csv"
    $bigCsv = Join-Path $OutputPath "rows-$MemoryRows.csv"
    New-BenchCsv $csv $Rows
    New-BenchCsv $bigCsv $MemoryRows
    $floorDll = Join-Path $OutputPath 'floor/Floor.dll'
    $pipelineArgs = { param($file) @('-NoProfile', '-NonInteractive', '-File', (Join-Path $BenchRoot 'Measure-Pipeline.ps1'),
            '-ModulePath', $ModulePath, '-CsvPath', $file, '-EndpointUrl', $script:Emulator.Url) }

    # Each contender creates the warm-up model, then one model per row (the figure), then, as a diagnostic
    # reported under the table, the same rows once more in the same process (the cost once the JIT is warm).
    $contenders = [ordered]@{
        pipeline = { Read-Report (Invoke-Timed $Pwsh ((& $pipelineArgs $csv) + '-SecondPass')) }
        # A diagnostic: the pipeline with one row in flight at a time, as the floor's loop sends them.
        'pipeline, one at a time' = { Read-Report (Invoke-Timed $Pwsh ((& $pipelineArgs $csv) + @('-SecondPass', '-ThrottleLimit', '1'))) }
        floor    = { Read-Report (Invoke-Timed (Get-DotnetPath) @($floorDll, $script:Emulator.Url, $csv, '--second-pass')) }
        # A diagnostic: the floor with as many calls in flight as the pipeline's default -ThrottleLimit.
        'floor, 4 in flight' = { Read-Report (Invoke-Timed (Get-DotnetPath) @($floorDll, $script:Emulator.Url, $csv, '--second-pass', '--in-flight', '4')) }
    }
    if ($Python.Available) {
        $contenders.boto3 = { Read-Report (Invoke-Timed $Python.Path @((Join-Path $BenchRoot 'boto3_create.py'), 'loop', $script:Emulator.Url, $csv, '--second-pass')) }
    }

    # One untimed round first: it warms the emulator's JIT and the file cache of each contender.
    Write-Step "2. Per row: 1 warm-up round, then $Runs runs of $Rows rows each for $($contenders.Keys -join ', ')"
    $names = @($contenders.Keys)
    $samples = @{}; foreach ($name in $names) { $samples[$name] = [Collections.Generic.List[object]]::new() }
    for ($run = 0; $run -le $Runs; $run++) {
        # Rotate who goes first, so that a slow spell of the machine does not always hit the same contender.
        for ($k = 0; $k -lt $names.Count; $k++) {
            $name = $names[($run + $k) % $names.Count]
            Reset-BenchEmulator
            $emulatorCpu = Get-EmulatorCpuMs
            $report = & $contenders[$name]
            $emulatorCpu = (Get-EmulatorCpuMs) - $emulatorCpu
            Assert-Created (2 * $Rows + 1) "Run $run of '$name'"
            $isPipeline = $name -like 'pipeline*'
            if ($isPipeline -and $report.errors -ne 0) { throw "The pipeline wrote $($report.errors) errors; the last: $($report.lastError)" }
            if (-not $isPipeline -and $report.created -ne 2 * $Rows) { throw "'$name' created $($report.created) of $(2 * $Rows) models." }
            if ($run -eq 0) { continue }
            $samples[$name].Add([pscustomobject]@{
                    ElapsedMs     = [double]$report.elapsedMs
                    CpuMs         = [double]$report.cpuMs
                    EmulatorCpuMs = $emulatorCpu
                    SecondPassMs  = [double]$report.secondPassMs
                    Peak          = if ($isPipeline) { [double]$report.peakWorkingSet } else { 0 }
                })
        }
        if ($run -gt 0) { Write-Host ("   run {0}: {1}" -f $run, (($names | ForEach-Object { '{0} {1}' -f $_, (Format-Ms $samples[$_][$samples[$_].Count - 1].ElapsedMs) }) -join ', ')) }
    }

    # Where a row's time goes: in the client process's own CPU, in the emulator's CPU, or neither (waiting,
    # scheduling, the loopback). Medians per row, reported under the table.
    $script:Breakdown = foreach ($name in $names) {
        $microsecondsPerRow = { param($property) (Get-Median @($samples[$name] | ForEach-Object $property)) * 1000 / $Rows }
        [pscustomobject]@{
            Name        = $name
            Wall        = & $microsecondsPerRow 'ElapsedMs'
            Cpu         = & $microsecondsPerRow 'CpuMs'
            EmulatorCpu = (& $microsecondsPerRow 'EmulatorCpuMs') / 2 # the emulator served both passes
            SecondPass  = & $microsecondsPerRow 'SecondPassMs'
        }
    }
    $times = @{}; foreach ($name in $names) { $times[$name] = [double[]]@($samples[$name] | ForEach-Object ElapsedMs) }
    $peaks = [double[]]@($samples.pipeline | ForEach-Object Peak)

    $pipeline = Get-Median $times.pipeline
    $floor = Get-Median $times.floor
    $perRow = { param($ms) '{0} ({1} µs/row)' -f (Format-Ms $ms), ($ms * 1000 / $Rows).ToString('0', $Invariant) }
    New-Figure "Per row: $Rows CSV rows, Import-Csv piped into New-CRMLAudienceModel (default: up to 4 rows in flight) vs the same client in a sequential C# loop (floor)" `
        (& $perRow $pipeline) (& $perRow $floor) `
        (Format-Ratio ($pipeline / $floor)) '≤ 1.30x' ($(if ($pipeline / $floor -le 1.3) { 'yes' } else { 'no' }))

    $oneAtATime = Get-Median $times['pipeline, one at a time']
    New-Figure "Per row, one row in flight at a time (-ThrottleLimit 1) vs the floor" `
        (& $perRow $oneAtATime) (& $perRow $floor) `
        (Format-Ratio ($oneAtATime / $floor)) 'none (diagnostic)' '—'

    $floorInFlight = Get-Median $times['floor, 4 in flight']
    New-Figure "Per row, both with up to 4 rows in flight: the pipeline's default vs the floor's loop with 4 calls in flight" `
        (& $perRow $pipeline) (& $perRow $floorInFlight) `
        (Format-Ratio ($pipeline / $floorInFlight)) 'none (diagnostic)' '—'

    $figure = "Per row: $Rows CSV rows, pipeline vs a boto3 loop (peer)"
    if ($Python.Available) {
        $boto3 = Get-Median $times.boto3
        New-Figure $figure (& $perRow $pipeline) (& $perRow $boto3) `
            (Format-Ratio ($pipeline / $boto3)) '≤ 0.50x (≥ 2x faster)' ($(if ($pipeline / $boto3 -le 0.5) { 'yes' } else { 'no' }))
    }
    else { New-Figure $figure (Format-Ms $pipeline) "skipped: $($Python.Reason)" '—' '≤ 0.50x (≥ 2x faster)' '—' }

    Write-Step "3. Memory: $MemoryRuns runs of $MemoryRows rows through the pipeline"
    $bigPeaks = [Collections.Generic.List[double]]::new()
    for ($run = 1; $run -le $MemoryRuns; $run++) {
        Reset-BenchEmulator
        $report = Read-Report (Invoke-Timed $Pwsh (& $pipelineArgs $bigCsv))
        Assert-Created ($MemoryRows + 1) "Memory run $run"
        if ($report.errors -ne 0) { throw "The pipeline wrote $($report.errors) errors; the last: $($report.lastError)" }
        $bigPeaks.Add([double]$report.peakWorkingSet)
        Write-Host ("   run {0}: peak {1} in {2}" -f $run, (Format-MB $report.peakWorkingSet), (Format-Ms $report.elapsedMs))
    }
    Reset-BenchEmulator
    $big = Get-Median $bigPeaks; $small = Get-Median $peaks
    New-Figure "Memory: peak working set of pwsh, $MemoryRows rows ($MemoryRuns runs) vs the $Rows-row runs ($Runs runs)" `
        (Format-MB $big) (Format-MB $small) (Format-Ratio ($big / $small)) '≤ 1.50x' ($(if ($big / $small -le 1.5) { 'yes' } else { 'no' }))
}

function Measure-FirstCall([object] $Python) {
    Write-Step "4. First call: $Runs runs of each process"
    $ours = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $BenchRoot 'New-FirstModel.ps1'), '-ModulePath', $ModulePath, '-EndpointUrl', $script:Emulator.Url)
    $peer = @((Join-Path $BenchRoot 'boto3_create.py'), 'first', $script:Emulator.Url)
    $figure = 'First call: fresh process to the first created model (pwsh + Import-Module vs python3 + import boto3 + client)'

    $oursTimes = [Collections.Generic.List[double]]::new(); $peerTimes = [Collections.Generic.List[double]]::new()
    $measure = {
        param($which)
        Reset-BenchEmulator
        $elapsed = if ($which -eq 'ours') { (Invoke-Timed $Pwsh $ours).ElapsedMs } else { (Invoke-Timed $Python.Path $peer).ElapsedMs }
        Assert-Created 1 "First call ($which)"
        $elapsed
    }
    $null = & $measure 'ours'; if ($Python.Available) { $null = & $measure 'peer' } # warm the file cache, untimed
    for ($run = 1; $run -le $Runs; $run++) {
        if ($Python.Available -and -not ($run % 2)) { $peerTimes.Add((& $measure 'peer')) }
        $oursTimes.Add((& $measure 'ours'))
        if ($Python.Available -and ($run % 2)) { $peerTimes.Add((& $measure 'peer')) }
    }
    Reset-BenchEmulator
    $o = Get-Median $oursTimes
    Write-Host "   pwsh: $(($oursTimes | ForEach-Object { $_.ToString('0', $Invariant) }) -join ', ') ms"
    if (-not $Python.Available) { return New-Figure $figure (Format-Ms $o) "skipped: $($Python.Reason)" '—' 'none (reported)' '—' }
    $p = Get-Median $peerTimes
    Write-Host "   boto3: $(($peerTimes | ForEach-Object { $_.ToString('0', $Invariant) }) -join ', ') ms"
    New-Figure $figure (Format-Ms $o) (Format-Ms $p) (Format-Ratio ($o / $p)) 'none (reported)' '—'
}

function Measure-QuotaRun {
    $training = 3; $quota = 2; $poll = 0.5
    Write-Step "5. Quota run: $QuotaRuns runs of $QuotaRows rows at a quota of $quota with $training s of training"
    $ideal = [math]::Ceiling($QuotaRows / $quota) * $training * 1000
    $emulator = Start-BenchEmulator @('--training-seconds', "$training", '--max-pending-audience-models', "$quota")
    try {
        $arguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $BenchRoot 'Measure-QuotaRun.ps1'), '-ModulePath', $ModulePath,
            '-EndpointUrl', $emulator.Url, '-Rows', "$QuotaRows", '-PollIntervalSec', $poll.ToString($Invariant))
        $times = [Collections.Generic.List[double]]::new()
        for ($run = 1; $run -le $QuotaRuns; $run++) {
            $null = Invoke-RestMethod -Uri "$($emulator.Url)/_emulator/reset" -Method POST -NoProxy
            $report = Read-Report (Invoke-Timed $Pwsh $arguments)
            $counts = Invoke-RestMethod -Uri "$($emulator.Url)/_emulator/requests" -NoProxy
            if ($report.Trained -ne $QuotaRows) { throw "Quota run ${run}: $($report.Trained) of $QuotaRows models trained. The benchmark is void." }
            $times.Add([double]$report.ElapsedMs)
            Write-Host "   run ${run}: $(Format-Ms $report.ElapsedMs); creates refused by the quota: $($counts.rejected.quota ?? 0)"
        }
    }
    finally {
        Stop-BenchEmulator $emulator
    }
    $o = Get-Median $times
    $ratio = $o / $ideal
    New-Figure "Quota run: $QuotaRows rows, New-CRMLAudienceModel -WaitForCapacity piped to Wait-CRMLAudienceModel, quota $quota, $training s training, poll $poll s, to the last trained model vs the ideal" `
        (Format-Ms $o) ("$(Format-Ms $ideal) (ideal)") (Format-Ratio $ratio) '≤ 1.2x' ($(if ($ratio -le 1.2) { 'yes' } else { 'no' }))
}
#endregion

#region Machine and report
function Find-Python {
    $command = Get-Command python3 -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $command) { return [pscustomobject]@{ Available = $false; Path = $null; Reason = 'python3 not found'; Version = $null } }
    $probe = Invoke-Timed $command.Source @('-c', 'import sys, boto3, botocore; print(sys.version.split()[0], boto3.__version__, botocore.__version__)') -AllowFailure
    if ($probe.ExitCode -ne 0) { return [pscustomobject]@{ Available = $false; Path = $command.Source; Reason = 'boto3 not installed for python3'; Version = $null } }
    $python, $boto3, $botocore = $probe.StdOut.Trim() -split ' '
    [pscustomobject]@{ Available = $true; Path = $command.Source; Reason = $null; Version = "python $python, boto3 $boto3, botocore $botocore" }
}

function Get-Machine([object] $Python) {
    $cpu = if (Test-Path /proc/cpuinfo) { (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches[0].Groups[1].Value } else { $env:PROCESSOR_IDENTIFIER }
    $memory = if (Test-Path /proc/meminfo) {
        $kb = [double]((Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s*(\d+)').Matches[0].Groups[1].Value)
        '{0} GiB' -f ($kb / 1MB).ToString('0.0', $Invariant)
    } else { 'unknown' }
    $os = [Runtime.InteropServices.RuntimeInformation]::OSDescription
    if (Test-Path /etc/os-release) {
        $name = (Get-Content /etc/os-release | Where-Object { $_ -like 'PRETTY_NAME=*' }) -replace '^PRETTY_NAME="?|"$', ''
        $os = "$name, kernel $([Environment]::OSVersion.Version)"
    }
    [ordered]@{
        'CPU'        = "$cpu, $([Environment]::ProcessorCount) cores"
        'Memory'     = $memory
        'OS'         = $os
        '.NET'       = "SDK $((& (Get-DotnetPath) --version).Trim()), runtime $([Environment]::Version)"
        'PowerShell' = "$($PSVersionTable.PSVersion)"
        'Peer'       = $(if ($Python.Available) { $Python.Version } else { "none: $($Python.Reason)" })
        'Date'       = [datetime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $Invariant) + ' UTC'
        'Load'       = "load average at the start: $(Get-LoadAverage)"
    }
}

# The 1-minute load average: other work on the machine makes every figure slower and noisier.
function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0] } else { 'unknown' }
}

function ConvertTo-MarkdownTable([object[]] $Figures) {
    '| Figure | Ours (median) | Baseline (median) | Ratio | Target | Met? |'
    '| --- | --- | --- | --- | --- | --- |'
    foreach ($f in $Figures) { '| {0} | {1} | {2} | {3} | {4} | {5} |' -f $f.Figure, $f.Ours, $f.Baseline, $f.Ratio, $f.Target, $f.Met }
}
#endregion

$total = [Diagnostics.Stopwatch]::StartNew()
Write-Step 'Building the floor (tests/bench/Floor)'
& (Get-DotnetPath) build (Join-Path $BenchRoot 'Floor/Floor.csproj') -c Release -o (Join-Path $OutputPath 'floor') --nologo -v quiet | Out-Host
if ($LASTEXITCODE -ne 0) { throw "Building the floor failed with exit code $LASTEXITCODE." }

$python = Find-Python
if (-not $python.Available) { Write-Warning "The boto3 figures are skipped: $($python.Reason)." }
$machine = Get-Machine $python

$script:Emulator = Start-BenchEmulator
try {
    Write-Step "Emulator: $($script:Emulator.Url) (quiet, training 0 s, training quota lifted, no faults)"
    $figures = @(
        Measure-Import
        Measure-PerRowAndMemory $python
        Measure-FirstCall $python
        Measure-QuotaRun
    )
}
finally {
    Stop-BenchEmulator $script:Emulator
}
$total.Stop()
$machine.Load += ", at the end: $(Get-LoadAverage)"

$table = ConvertTo-MarkdownTable $figures
$report = @(
    '# CleanRoomsML benchmarks'
    ''
    "Medians over $Runs runs ($MemoryRuns for the $MemoryRows-row memory figure), each baseline measured in the same run, against one local"
    'emulator (no training delay, training quota lifted, no faults; the quota run has its own at the real quota). Ratio = ours / baseline. Per-row times are measured inside each process after one warm-up'
    'model; import and first-call times are whole-process wall times. Every run was checked to create exactly its models.'
    ''
    $table
    ''
    "Where a row goes in the per-row figure (medians, µs per row): the wall time of the timed loop, the CPU time of the client"
    'process in it, the CPU time of the emulator (averaged over both passes), and the wall time of a second pass over the same'
    'rows in the same process, once the JIT has warmed up (a diagnostic, not a figure):'
    ''
    ($script:Breakdown | ForEach-Object { '- {0}: wall {1}, own CPU {2}, emulator CPU {3}; second pass: wall {4}' -f $_.Name,
            $_.Wall.ToString('0', $Invariant), $_.Cpu.ToString('0', $Invariant), $_.EmulatorCpu.ToString('0', $Invariant), $_.SecondPass.ToString('0', $Invariant) })
    "- Import-Module alone, timed inside pwsh (the AWSSDK.Core probe): $(Format-Ms $script:ImportInProcessMs)"
    ''
    ($machine.GetEnumerator() | ForEach-Object { "- $($_.Key): $($_.Value)" })
    "- Whole benchmark: $([math]::Round($total.Elapsed.TotalMinutes, 1).ToString($Invariant)) min"
    ''
    'Reproduce: `dotnet tool restore && dotnet pwsh ./build.ps1 -Task Bench`'
)
$resultsFile = Join-Path $OutputPath 'results.md'
Set-Content -LiteralPath $resultsFile -Value $report -Encoding utf8NoBOM
Write-Host ''
$report | Write-Host
Write-Host "`nWritten to $resultsFile" -ForegroundColor Green
