#Requires -Version 7.2
# The module as built in out/CleanRoomsML: what it exports and what New-CRMLAudienceModel looks like.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Module = Get-Module CleanRoomsML
    $script:ManifestData = Import-PowerShellDataFile $script:ModuleManifest
    $script:Command = Get-Command New-CRMLAudienceModel
}

AfterAll {
    Restore-TestEnvironment
}

Describe 'The built module' {
    It 'is imported from out/CleanRoomsML' {
        $script:Module | Should -Not -BeNullOrEmpty
        $script:Module.ModuleBase | Should -Be (Split-Path $script:ModuleManifest)
        $script:Module.Version | Should -Be ([version]$script:ManifestData.ModuleVersion)
    }

    It 'exports exactly the cmdlets that the manifest''s CmdletsToExport names' {
        $script:ManifestData.CmdletsToExport | Should -Not -BeNullOrEmpty
        @($script:Module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($script:ManifestData.CmdletsToExport | Sort-Object)
    }

    It 'exports exactly the aliases that the manifest''s AliasesToExport names, and no functions or variables' {
        @($script:Module.ExportedAliases.Keys | Sort-Object) | Should -Be @($script:ManifestData.AliasesToExport | Sort-Object)
        $script:Module.ExportedFunctions.Count | Should -Be 0
        $script:Module.ExportedVariables.Count | Should -Be 0
    }

    It 'does not ship System.Management.Automation.dll' {
        Get-ChildItem -LiteralPath $script:Module.ModuleBase -Recurse -Filter 'System.Management.Automation.dll' |
            Should -BeNullOrEmpty
    }

    It 'registers the format view of the result type' {
        Get-FormatData CleanRoomsML.PowerShell.Output.AudienceModel | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-Command New-CRMLAudienceModel' {
    It 'has parameter <Name> of type <Type>' -ForEach @(
        @{ Name = 'Name'; Type = [string] }
        @{ Name = 'TrainingDatasetArn'; Type = [string] }
        @{ Name = 'Description'; Type = [string] }
        @{ Name = 'KmsKeyArn'; Type = [string] }
        @{ Name = 'Tag'; Type = [hashtable] }
        @{ Name = 'TrainingDataStartTime'; Type = [Nullable[datetime]] }
        @{ Name = 'TrainingDataEndTime'; Type = [Nullable[datetime]] }
        @{ Name = 'Region'; Type = [string] }
        @{ Name = 'ProfileName'; Type = [string] }
        @{ Name = 'ProfileLocation'; Type = [string] }
        @{ Name = 'AccessKey'; Type = [string] }
        @{ Name = 'SecretKey'; Type = [string] }
        @{ Name = 'SessionToken'; Type = [string] }
        @{ Name = 'Credential'; Type = [pscredential] }
        @{ Name = 'EndpointUrl'; Type = [string] }
        @{ Name = 'Force'; Type = [switch] }
        @{ Name = 'WhatIf'; Type = [switch] }
        @{ Name = 'Confirm'; Type = [switch] }
    ) {
        $script:Command.Parameters.Keys | Should -Contain $Name
        $script:Command.Parameters[$Name].ParameterType | Should -Be $Type
    }

    It 'makes Name mandatory at position 0' {
        $attribute = $script:Command.Parameters['Name'].Attributes | Where-Object { $_ -is [Parameter] }
        $attribute.Mandatory | Should -BeTrue
        $attribute.Position | Should -Be 0
    }

    It 'makes TrainingDatasetArn mandatory' {
        ($script:Command.Parameters['TrainingDatasetArn'].Attributes | Where-Object { $_ -is [Parameter] }).Mandatory |
            Should -BeTrue
    }

    It 'makes only Name and TrainingDatasetArn mandatory' {
        $mandatory = foreach ($parameter in $script:Command.Parameters.Values) {
            if ($parameter.Attributes | Where-Object { $_ -is [Parameter] -and $_.Mandatory }) { $parameter.Name }
        }
        @($mandatory | Sort-Object) | Should -Be @('Name', 'TrainingDatasetArn')
    }

    It 'gives Tag the alias Tags' {
        $script:Command.Parameters['Tag'].Aliases | Should -Contain 'Tags'
    }

    It 'binds <Name> from the pipeline by property name' -ForEach @(
        @{ Name = 'Name' }, @{ Name = 'TrainingDatasetArn' }, @{ Name = 'Description' }, @{ Name = 'KmsKeyArn' },
        @{ Name = 'Tag' }, @{ Name = 'TrainingDataStartTime' }, @{ Name = 'TrainingDataEndTime' }, @{ Name = 'Region' }
    ) {
        $attribute = $script:Command.Parameters[$Name].Attributes | Where-Object { $_ -is [Parameter] }
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'never binds a whole pipeline object to Name' {
        ($script:Command.Parameters['Name'].Attributes | Where-Object { $_ -is [Parameter] }).ValueFromPipeline |
            Should -BeFalse
    }

    It 'declares the AudienceModel result type as its OutputType' {
        $script:Command.OutputType.Type | Should -Be ([CleanRoomsML.PowerShell.Output.AudienceModel])
    }

    It 'supports ShouldProcess' {
        $script:Command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).SupportsShouldProcess |
            Should -BeTrue
    }
}

Describe 'Without any AWS region' {
    BeforeAll {
        # A fresh process: no profile, no region anywhere, empty AWS config files (from common.ps1), and
        # instance metadata NOT disabled, so a lookup of the region or credentials there would show as a wait.
        $child = @'
param($Manifest, $DatasetArn)
$ErrorActionPreference = 'Continue'
Import-Module $Manifest -ErrorAction Stop
$watch = [Diagnostics.Stopwatch]::StartNew()
$failure = $null
try {
    New-CRMLAudienceModel -Name 'no-region' -TrainingDatasetArn $DatasetArn -ErrorAction Stop
} catch {
    $failure = $_
}
$watch.Stop()
[pscustomobject]@{
    ElapsedMs = $watch.ElapsedMilliseconds
    Message   = if ($failure) { $failure.ToString() } else { $null }
    ErrorId   = if ($failure) { $failure.FullyQualifiedErrorId } else { $null }
} | ConvertTo-Json -Compress
'@
        $scriptPath = Join-Path $TestDrive 'no-region.ps1'
        Set-Content -LiteralPath $scriptPath -Value $child
        $pwsh = Get-PwshCommand
        $metadataDisabled = $env:AWS_EC2_METADATA_DISABLED
        try {
            $env:AWS_EC2_METADATA_DISABLED = $null
            $output = & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -File $scriptPath `
                -Manifest $script:ModuleManifest -DatasetArn $script:DatasetArn 2>&1
        } finally {
            $env:AWS_EC2_METADATA_DISABLED = $metadataDisabled
        }
        $json = @($output | Where-Object { "$_".StartsWith('{') })[-1]
        if (-not $json) { throw "The child pwsh gave no result: $($output -join [Environment]::NewLine)" }
        $script:NoRegion = $json | ConvertFrom-Json
    }

    It 'fails with an error that names -Region and AWS_REGION' {
        $script:NoRegion.Message | Should -Not -BeNullOrEmpty
        $script:NoRegion.Message | Should -Match '-Region'
        $script:NoRegion.Message | Should -Match 'AWS_REGION'
    }

    It 'fails at once, without waiting for instance metadata (well under 2 s)' {
        # A functional bound on the instance-metadata wait, not a benchmark.
        $script:NoRegion.ElapsedMs | Should -BeLessThan 2000
    }
}
