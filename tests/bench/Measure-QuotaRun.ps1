<#
.SYNOPSIS
    The quota figure: in a fresh pwsh, pipe -Rows rows into New-CRMLAudienceModel -WaitForCapacity and on into
    Wait-CRMLAudienceModel, against an emulator at the real training quota, and report the wall time from the
    first row to the last trained model as one line of JSON.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [int] $Rows = 12,
    [double] $PollIntervalSec = 0.5
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$aws = @{ EndpointUrl = $EndpointUrl; Region = 'us-east-1'; AccessKey = 'AKIAEMULATOR0EXAMPLE'; SecretKey = 'emulatorSecretKey/EXAMPLE0000000000000000' }
$dataset = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions'
$definitions = 1..$Rows | ForEach-Object { [pscustomobject]@{ Name = "quota-$_"; TrainingDatasetArn = $dataset } }
$clock = [Diagnostics.Stopwatch]::StartNew()
$trained = @($definitions | New-CRMLAudienceModel @aws -WaitForCapacity -PollIntervalSec $PollIntervalSec |
        Wait-CRMLAudienceModel @aws -PollIntervalSec $PollIntervalSec)
$clock.Stop()
[pscustomobject]@{
    ElapsedMs = $clock.Elapsed.TotalMilliseconds
    Trained   = @($trained | Where-Object Status -eq 'ACTIVE').Count
} | ConvertTo-Json -Compress
