<#
.SYNOPSIS
    The first-call figure: in a fresh pwsh, import the module and create one audience model. Invoke-Benchmark.ps1
    times the whole process.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EndpointUrl
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$model = New-CRMLAudienceModel -Name 'first-call' -EndpointUrl $EndpointUrl -Region 'us-east-1' `
    -AccessKey 'AKIAEMULATOR0EXAMPLE' -SecretKey 'emulatorSecretKey/EXAMPLE0000000000000000' `
    -TrainingDatasetArn 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions'
if (-not $model.AudienceModelArn) { exit 1 }
