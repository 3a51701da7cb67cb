#Requires -Version 7.2
# The help of the BUILT module (out/CleanRoomsML, with its en-US folder): every exported cmdlet has
# real MAML help, every parameter a description, enough examples, and the about topic is there.
# Each parameter and each example is its own test, so a missing description fails by name.

BeforeDiscovery {
    $manifest = Join-Path $PSScriptRoot '../../out/CleanRoomsML/CleanRoomsML.psd1'
    $module = Import-Module $manifest -Force -PassThru

    # Parameters every cmdlet gets from PowerShell (Verbose, ErrorAction, ...); documented by PowerShell itself.
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters

    $cmdletCases = @()
    $parameterCases = @()
    $exampleCases = @()
    foreach ($name in @($module.ExportedCmdlets.Keys | Sort-Object)) {
        $cmdletCases += @{ Cmdlet = $name }
        foreach ($parameter in (Get-Command $name).Parameters.Values | Sort-Object Name) {
            if ($parameter.Name -in $common) { continue }
            $hidden = $parameter.Attributes |
                Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }
            if ($hidden) { continue }
            $parameterCases += @{ Cmdlet = $name; Parameter = $parameter.Name }
        }
        $examples = @((Get-Help $name -Full).examples.example)
        for ($i = 0; $i -lt $examples.Count; $i++) {
            $exampleCases += @{ Cmdlet = $name; Index = $i; Number = $i + 1 }
        }
    }
}

BeforeAll {
    $script:Manifest = Join-Path $PSScriptRoot '../../out/CleanRoomsML/CleanRoomsML.psd1'
    $script:Module = Import-Module $script:Manifest -Force -PassThru
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters

    $parameterHelpCache = @{}
    function Get-FullHelp([string] $Cmdlet) {
        if (-not $parameterHelpCache.ContainsKey($Cmdlet)) { $parameterHelpCache[$Cmdlet] = Get-Help $Cmdlet -Full }
        $parameterHelpCache[$Cmdlet]
    }

    function Get-ParameterHelp([string] $Cmdlet, [string] $Parameter) {
        @((Get-FullHelp $Cmdlet).parameters.parameter) | Where-Object { $_.name -eq $Parameter } | Select-Object -First 1
    }

    # MAML paragraphs come back as objects with a Text property; join them into one string.
    function Get-HelpText($Node) {
        (@($Node) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join "`n"
    }
}

Describe 'The built module' {
    It 'has an en-US folder with the cmdlet help and the about topic' {
        $enUS = Join-Path $script:Module.ModuleBase 'en-US'
        Join-Path $enUS 'CleanRoomsML.PowerShell.dll-Help.xml' | Should -Exist
        Join-Path $enUS 'about_CleanRoomsML.help.txt' | Should -Exist
    }

    It 'has MAML help that is well-formed XML' {
        $path = Join-Path $script:Module.ModuleBase 'en-US/CleanRoomsML.PowerShell.dll-Help.xml'
        { [xml](Get-Content -LiteralPath $path -Raw) } | Should -Not -Throw
    }

    It 'exports at least one cmdlet' {
        $script:Module.ExportedCmdlets.Count | Should -BeGreaterThan 0
    }
}

Describe '<Cmdlet> help' -ForEach $cmdletCases {
    It 'has a written synopsis, not the generated syntax line' {
        $synopsis = (Get-FullHelp $Cmdlet).Synopsis
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Cmdlet))(\s|$)"
        $synopsis | Should -Not -BeLike '*<CommonParameters>*'
    }

    It 'has a description' {
        Get-HelpText (Get-FullHelp $Cmdlet).description | Should -Not -BeNullOrEmpty
    }

    It 'has at least 4 examples' {
        @((Get-FullHelp $Cmdlet).examples.example).Count | Should -BeGreaterOrEqual 4
    }

    It 'documents its output type' {
        $declared = @((Get-Command $Cmdlet).OutputType.Name)
        $documented = @((Get-FullHelp $Cmdlet).returnValues.returnValue.type.name | ForEach-Object { $_.Trim() })
        foreach ($type in $declared) { $documented | Should -Contain $type }
    }

    It 'documents no parameter that the cmdlet does not have, nor a hidden one' {
        $parameters = (Get-Command $Cmdlet).Parameters
        foreach ($documented in @((Get-FullHelp $Cmdlet).parameters.parameter)) {
            $parameters.Keys | Should -Contain $documented.name
            $hidden = $parameters[$documented.name].Attributes |
                Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }
            $hidden | Should -BeNullOrEmpty -Because "-$($documented.name) is DontShow"
        }
    }
}

Describe '<Cmdlet> -<Parameter>' -ForEach $parameterCases {
    BeforeAll {
        $parameterHelp = Get-ParameterHelp $Cmdlet $Parameter
        $metadata = (Get-Command $Cmdlet).Parameters[$Parameter]
        $set = @($metadata.ParameterSets.Values)[0]
    }

    It 'has a description in Get-Help -Full' {
        $parameterHelp | Should -Not -BeNullOrEmpty -Because "-$Parameter must be in the MAML file"
        (Get-HelpText $parameterHelp.description).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'is documented as required exactly when it is mandatory' {
        $parameterHelp.required | Should -Be ($set.IsMandatory.ToString().ToLowerInvariant())
    }

    It 'is documented with the pipeline input it accepts' {
        $expected = @(
            if ($set.ValueFromPipeline) { 'ByValue' }
            if ($set.ValueFromPipelineByPropertyName) { 'ByPropertyName' }
        )
        $expectedText = if ($expected) { "True ($($expected -join ', '))" } else { 'False' }
        $parameterHelp.pipelineInput | Should -Be $expectedText
    }

    It 'is documented at its position' {
        $expected = if ($set.Position -ge 0) { [string]$set.Position } else { 'named' }
        $parameterHelp.position | Should -Be $expected
    }

    It 'is documented with its aliases' {
        $aliases = @($metadata.Aliases)
        $expected = if ($aliases) { $aliases -join ', ' } else { 'none' }
        $parameterHelp.aliases | Should -Be $expected
    }
}

Describe '<Cmdlet> example <Number>' -ForEach $exampleCases {
    It 'has code and remarks' {
        $example = @((Get-FullHelp $Cmdlet).examples.example)[$Index]
        $example.code | Should -Not -BeNullOrEmpty
        (Get-HelpText $example.remarks).Trim() | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_CleanRoomsML' {
    BeforeAll {
        $script:AboutPath = Join-Path $script:Module.ModuleBase 'en-US/about_CleanRoomsML.help.txt'
        $script:AboutText = $null
        $found = Get-Help about_CleanRoomsML -ErrorAction Ignore
        if ($found -and ($found | Out-String) -match 'about_CleanRoomsML') {
            $script:FoundByGetHelp = $true
            $script:AboutText = ($found | Out-String)
        }
        else {
            # Where Get-Help does not look in the module's folder, the file itself is the topic.
            $script:FoundByGetHelp = $false
            $script:AboutText = Get-Content -LiteralPath $script:AboutPath -Raw
        }
        $script:AboutLines = Get-Content -LiteralPath $script:AboutPath
    }

    It 'is returned by Get-Help (or read from the module''s en-US folder)' {
        $script:AboutText | Should -Not -BeNullOrEmpty
        $script:AboutText | Should -Match 'about_CleanRoomsML'
    }

    It 'has the standard sections in order' {
        $positions = foreach ($heading in 'TOPIC', 'SHORT DESCRIPTION', 'LONG DESCRIPTION', 'SEE ALSO') {
            $match = [regex]::Match($script:AboutText, "(?m)^$heading\s*$")
            $match.Success | Should -BeTrue -Because "the topic needs a $heading section"
            $match.Index
        }
        $positions | Should -Be ($positions | Sort-Object)
    }

    It 'explains <Section>' -ForEach @(
        @{ Section = 'CREDENTIALS AND REGIONS'; Words = @('AWS_REGION', 'AWS_PROFILE', '-Credential', 'MissingRegion') }
        @{ Section = 'THE CSV FORMAT'; Words = @('Import-Csv', 'camelCase', 'key=value', 'Region') }
        @{ Section = 'DATES AND TIME ZONES'; Words = @('ISO-8601', 'UTC') }
        @{ Section = 'ERROR HANDLING'; Words = @('FullyQualifiedErrorId', 'TargetObject', '2>&1', '-ErrorAction Stop') }
        @{ Section = 'RETRIES'; Words = @('AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE') }
        @{ Section = 'THE LOCAL EMULATOR'; Words = @('-EndpointUrl', 'AKIAEMULATOR0EXAMPLE', '/_emulator/') }
    ) {
        $script:AboutText | Should -Match "(?m)^$([regex]::Escape($Section))\s*$"
        foreach ($word in $Words) {
            $script:AboutText.Contains($word) | Should -BeTrue -Because "the $Section section should mention '$word'"
        }
    }

    It 'keeps every line under 80 characters' {
        $long = @($script:AboutLines | Where-Object { $_.Length -ge 80 })
        $long | Should -BeNullOrEmpty
    }
}
