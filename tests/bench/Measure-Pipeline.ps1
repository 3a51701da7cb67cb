<#
.SYNOPSIS
    Runs inside a fresh pwsh started by Invoke-Benchmark.ps1: pipes a CSV into New-CRMLAudienceModel and
    reports the time of the pipeline, the CPU time it used and the process's peak working set as one JSON line.
.DESCRIPTION
    The module is imported and one warm-up row is created first, so the timed part is the pipeline itself:
    Import-Csv | New-CRMLAudienceModel @aws | Out-Null. Nothing is kept per row. The peak working set is read
    right after it (Process.PeakWorkingSet64, VmHWM on Linux). The caller checks the emulator's request counts;
    this script checks that no row ended as an error. With -SecondPass the CSV goes through a second time, timed
    apart, to show the cost once the JIT has warmed up.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    # Pipe the CSV a second time in the same process and report that time too: the cost once the JIT has warmed up.
    [switch] $SecondPass,
    # Passed on to New-CRMLAudienceModel when given; otherwise the cmdlet's default applies.
    [int] $ThrottleLimit
)
$ErrorActionPreference = 'Stop'

Import-Module $ModulePath
$aws = @{
    EndpointUrl = $EndpointUrl
    Region      = 'us-east-1'
    AccessKey   = 'AKIAEMULATOR0EXAMPLE'
    SecretKey   = 'emulatorSecretKey/EXAMPLE0000000000000000'
}
if ($PSBoundParameters.ContainsKey('ThrottleLimit')) { $aws.ThrottleLimit = $ThrottleLimit }

$warmup = Import-Csv -LiteralPath $CsvPath | Select-Object -First 1
$warmup.Name = 'bench-warmup'
$null = $warmup | New-CRMLAudienceModel @aws

# Failed rows are non-terminating errors: let them through, and count them afterwards in $Error.
$ErrorActionPreference = 'Continue'
$Error.Clear()
$self = [Diagnostics.Process]::GetCurrentProcess()
$cpuBefore = $self.TotalProcessorTime
$clock = [Diagnostics.Stopwatch]::StartNew()
Import-Csv -LiteralPath $CsvPath | New-CRMLAudienceModel @aws | Out-Null
$clock.Stop()
$self.Refresh()
# Read both now, before any second pass: these properties read /proc afresh, they are not snapshots.
$cpuMs = ($self.TotalProcessorTime - $cpuBefore).TotalMilliseconds
$peakWorkingSet = $self.PeakWorkingSet64
$secondPassMs = $null
if ($SecondPass) {
    $second = [Diagnostics.Stopwatch]::StartNew()
    Import-Csv -LiteralPath $CsvPath | New-CRMLAudienceModel @aws | Out-Null
    $secondPassMs = $second.Elapsed.TotalMilliseconds
}

[pscustomobject]@{
    elapsedMs      = $clock.Elapsed.TotalMilliseconds
    cpuMs          = $cpuMs
    secondPassMs   = $secondPassMs
    errors         = $Error.Count
    lastError      = if ($Error.Count) { "$($Error[0])" } else { $null }
    peakWorkingSet = $peakWorkingSet
} | ConvertTo-Json -Compress
