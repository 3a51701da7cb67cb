# Shared set-up for the Pester suite. Dot-source it in each file's BeforeAll:
#
#     BeforeAll { . (Join-Path $PSScriptRoot 'common.ps1') }
#
# It imports the BUILT module (out/CleanRoomsML, produced by `./build.ps1 -Task Build`) once, isolates the
# session from the developer's own AWS set-up, and provides helpers to run the local emulator over real HTTP.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $script:RepoRoot 'out/CleanRoomsML/CleanRoomsML.psd1'
$script:EmulatorDll = Join-Path $script:RepoRoot 'out/emulator/CleanRoomsML.Emulator.dll'

# The emulator's default identity and seeded data (see src/CleanRoomsML.Emulator).
$script:EmulatorAccessKey = 'AKIAEMULATOR0EXAMPLE'
$script:EmulatorSecretKey = 'emulatorSecretKey/EXAMPLE0000000000000000'
$script:EmulatorAccountId = '123456789012'
function Get-DemoDatasetArn([string] $Region = 'us-east-1') {
    "arn:aws:cleanrooms-ml:${Region}:$($script:EmulatorAccountId):training-dataset/demo-interactions"
}
$script:DatasetArn = Get-DemoDatasetArn 'us-east-1'
$script:AudienceModelArnPattern = '^arn:aws:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:audience-model/[-a-zA-Z0-9_/.]+$'

#region Safe AWS environment
$script:AwsVariables = @(
    'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE', 'AWS_ENDPOINT_URL',
    'AWS_ENDPOINT_URL_CLEANROOMSML', 'AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT', 'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN')

# Kept once per process, so that Restore-TestEnvironment gives back what the developer's session had.
if (-not (Get-Variable -Name CleanRoomsMLPesterSavedEnvironment -Scope Global -ErrorAction Ignore)) {
    $saved = @{}
    foreach ($name in $script:AwsVariables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $global:CleanRoomsMLPesterSavedEnvironment = $saved
}

function Set-TestEnvironment {
    # Nothing from the developer's AWS set-up may leak in, and nothing may probe EC2 instance metadata.
    $awsHome = Join-Path ([IO.Path]::GetTempPath()) "CleanRoomsML-pester-$PID"
    New-Item -ItemType Directory -Path $awsHome -Force | Out-Null
    foreach ($file in 'config', 'credentials') { Set-Content -LiteralPath (Join-Path $awsHome $file) -Value '' }
    foreach ($name in $script:AwsVariables) { [Environment]::SetEnvironmentVariable($name, $null) }
    $env:AWS_CONFIG_FILE = Join-Path $awsHome 'config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsHome 'credentials'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $script:TestAwsHome = $awsHome
}

function Restore-TestEnvironment {
    foreach ($entry in $global:CleanRoomsMLPesterSavedEnvironment.GetEnumerator()) {
        [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value)
    }
    if ($script:TestAwsHome) { Remove-Item -LiteralPath $script:TestAwsHome -Recurse -Force -ErrorAction Ignore }
}

Set-TestEnvironment
#endregion


#region Emulator helpers
function Get-DotnetPath {
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH)) { return $env:DOTNET_HOST_PATH }
    $command = Get-Command dotnet -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($command) { return $command.Source }
    throw 'dotnet was not found (neither DOTNET_HOST_PATH nor PATH).'
}

<#
    Starts the emulator on a free loopback port and returns @{ Url; Process }. It is always started with
    --exit-on-stdin-close, so it ends with the test process even if AfterAll never runs. Training is
    instant and the training quota lifted unless -ExtraArgs says otherwise (e.g. '--max-pending-audience-models', '2'):
    tests that are not about the quota must not depend on how fast models train. The result is also
    kept in $script:Emulator and $script:EmulatorArgs (the -EndpointUrl/-Region/-AccessKey/-SecretKey splat).
#>
function Start-TestEmulator {
    param(
        [string[]] $ExtraArgs = @(),
        [int] $TimeoutSeconds = 30
    )
    if (-not (Test-Path -LiteralPath $script:EmulatorDll)) {
        throw "The emulator is not built at $script:EmulatorDll. Run: dotnet pwsh ./build.ps1 -Task Build"
    }
    $info = [Diagnostics.ProcessStartInfo]::new((Get-DotnetPath))
    foreach ($arg in @($script:EmulatorDll, '--urls', 'http://127.0.0.1:0', '--quiet', '--exit-on-stdin-close',
            '--training-seconds', '0', '--max-pending-audience-models', 'none') + $ExtraArgs) {
        $info.ArgumentList.Add($arg)
    }
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($info)
    $stderr = $process.StandardError.ReadToEndAsync()

    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($TimeoutSeconds))) {
        $process.Kill($true)
        throw "The emulator did not say where it listens within $TimeoutSeconds s."
    }
    $line = $firstLine.Result
    if ($line -notmatch '^CleanRoomsML emulator listening on (http://\S+)$') {
        if (-not $process.HasExited) { $process.Kill($true) }
        $null = $process.WaitForExit(5000)
        throw "The emulator did not start: first line '$line'; stderr: $($stderr.Result)"
    }
    # Keep draining standard output, so the emulator never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()

    $script:Emulator = [pscustomobject]@{ Url = $Matches[1]; Process = $process }
    $script:EmulatorArgs = @{
        EndpointUrl = $script:Emulator.Url
        Region      = 'us-east-1'
        AccessKey   = $script:EmulatorAccessKey
        SecretKey   = $script:EmulatorSecretKey
    }
    $script:Emulator
}

function Stop-TestEmulator {
    param($Emulator = $script:Emulator)
    if (-not $Emulator) { return }
    $process = $Emulator.Process
    try { $process.StandardInput.Close() } catch { }
    if (-not $process.WaitForExit(5000)) { $process.Kill($true); $null = $process.WaitForExit(5000) }
    $process.Dispose()
    if ($Emulator -eq $script:Emulator) { $script:Emulator = $null }
}

function Invoke-EmulatorControl {
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )
    if (-not $script:Emulator) { throw 'No emulator is running: call Start-TestEmulator first.' }
    $request = @{ Uri = "$($script:Emulator.Url)/_emulator/$Path"; Method = $Method; NoProxy = $true }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Depth 10 -Compress
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Get-EmulatorRequestCount {
    param([string] $Operation)
    $counts = Invoke-EmulatorControl 'requests'
    if (-not $Operation) { return [int]$counts.total }
    $value = $counts.byOperation.PSObject.Properties[$Operation]
    if ($value) { [int]$value.Value } else { 0 }
}

function Reset-Emulator { $null = Invoke-EmulatorControl 'reset' -Method POST }

<#
    Sets faults, for example @{ maxAudienceModels = 1 } or
    @{ script = @(@{ status = 429; errorType = 'ThrottlingException'; message = 'Slow down' }) }.
#>
function Set-EmulatorFaults {
    param([Parameter(Mandatory)] [hashtable] $Faults)
    Invoke-EmulatorControl 'faults' -Method POST -Body $Faults
}

function Get-EmulatorLastRequest { Invoke-EmulatorControl 'requests/last' }

function Get-EmulatorRecentRequests { @((Invoke-EmulatorControl 'requests/recent').requests) }

# The JSON body of the last request the emulator received, as an ordered hashtable.
# Timestamps stay the strings that were on the wire (-DateKind String), not DateTimes.
function Get-EmulatorLastBody { (Get-EmulatorLastRequest).body | ConvertFrom-Json -AsHashtable -DateKind String }

# A fault script of $Count identical answers.
function New-FaultScript([int] $Status, [string] $ErrorType, [string] $Message, [int] $Count = 1) {
    , @(1..$Count | ForEach-Object { @{ status = $Status; errorType = $ErrorType; message = $Message } })
}
#endregion

#region Other helpers
# How to start a fresh pwsh like this one: `dotnet pwsh` runs as dotnet + pwsh.dll, an installed pwsh as itself.
function Get-PwshCommand {
    $self = (Get-Process -Id $PID).Path
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet' -and (Test-Path -LiteralPath $dll)) {
        return [pscustomobject]@{ FilePath = $self; Prefix = @($dll) }
    }
    [pscustomobject]@{ FilePath = $self; Prefix = @() }
}

# Writes rows to a CSV file under $TestDrive and reads it back, as a user's `Import-Csv models.csv` would.
function ConvertTo-CsvRows {
    param(
        [Parameter(Mandatory)] [object[]] $Rows,
        [string] $FileName = "rows-$([guid]::NewGuid().ToString('n')).csv"
    )
    $path = Join-Path $TestDrive $FileName
    # Export-Csv takes its columns from the first row: give every row every column, blank where unset.
    $columns = [Collections.Generic.List[string]]::new()
    foreach ($row in $Rows) {
        foreach ($key in $row.Keys) { if (-not $columns.Contains($key)) { $columns.Add($key) } }
    }
    $Rows | ForEach-Object {
        $row = $_
        $full = [ordered]@{}
        foreach ($column in $columns) { $full[$column] = if ($row.Contains($column)) { $row[$column] } else { '' } }
        [pscustomobject]$full
    } | Export-Csv -LiteralPath $path -NoTypeInformation -Encoding utf8
    Import-Csv -LiteralPath $path -Encoding utf8
}

# Splits a merged stream into results and error records.
function Split-Output {
    param([object[]] $Output)
    $items = @($Output)
    [pscustomobject]@{
        Results = @($items | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] })
        Errors  = @($items | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
    }
}
#endregion

#region The built module, imported once (last, so the helpers above exist even when it is missing)
if (-not (Test-Path -LiteralPath $script:ModuleManifest)) {
    throw "The built module is missing at $script:ModuleManifest. Run: dotnet pwsh ./build.ps1 -Task Build"
}
$loaded = Get-Module CleanRoomsML
if ($loaded -and $loaded.ModuleBase -ne (Split-Path $script:ModuleManifest)) {
    throw "A CleanRoomsML module from $($loaded.ModuleBase) is already loaded; the tests must use $(Split-Path $script:ModuleManifest). Start a new session."
}
if (-not $loaded) { Import-Module $script:ModuleManifest -ErrorAction Stop }
#endregion
