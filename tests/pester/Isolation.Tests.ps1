# The module's dependencies live in a private load context (pwsh 7), so AWS.Tools' own AWSSDK.Core, older or
# newer, loaded before or after ours, does not break either module. Each probe runs in a fresh pwsh process.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $null = Start-TestEmulator

    $packages = (& (Get-DotnetPath) nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $script:Core37 = Join-Path $packages.Trim() 'awssdk.core/3.7.402/lib/netstandard2.0/AWSSDK.Core.dll'
    $script:Core40 = Join-Path $packages.Trim() 'awssdk.core/4.0.3.3/lib/net8.0/AWSSDK.Core.dll'
    $script:ModuleFolder = Split-Path $script:ModuleManifest

    # Runs $Body in a new pwsh with the emulator's settings in $aws and returns the object its last line writes as JSON.
    function Invoke-FreshSession([string] $Body) {
        $pwsh = Get-PwshCommand
        $prelude = @"
`$ErrorActionPreference = 'Stop'
`$env:AWS_EC2_METADATA_DISABLED = 'true'
`$aws = @{ EndpointUrl = '$($script:Emulator.Url)'; Region = 'us-east-1'; AccessKey = '$script:EmulatorAccessKey'; SecretKey = '$script:EmulatorSecretKey' }
`$dataset = '$script:DatasetArn'
function Get-OurCore { [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' -and `$_.Location -like '$script:ModuleFolder*' } }
"@
        $output = & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -Command ($prelude + "`n" + $Body) 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The probe failed ($LASTEXITCODE): $($output -join "`n")" }
        ($output | Select-Object -Last 1) | ConvertFrom-Json
    }
}

AfterAll { Stop-TestEmulator }

Describe 'CleanRoomsML beside another AWSSDK.Core in one session' {
    It 'imports and creates a model after AWSSDK.Core 3.7 was loaded, and 3.7 keeps working' {
        $result = Invoke-FreshSession @"
Add-Type -Path '$script:Core37'
Import-Module '$script:ModuleManifest'
`$model = New-CRMLAudienceModel -Name after-37 -TrainingDatasetArn `$dataset @aws
`$legacy = [Amazon.Runtime.BasicAWSCredentials]::new('AKIALEGACY', 'legacy-secret').GetCredentials().AccessKey
@{ Arn = "`$model"; Legacy = `$legacy; LegacyVersion = [Amazon.Runtime.BasicAWSCredentials].Assembly.GetName().Version.ToString() } | ConvertTo-Json -Compress
"@
        $result.Arn | Should -Match $script:AudienceModelArnPattern
        $result.Legacy | Should -Be 'AKIALEGACY'
        $result.LegacyVersion | Should -Be '3.3.0.0'
    }

    It 'lets AWSSDK.Core 3.7 load and work after the module created a model' {
        $result = Invoke-FreshSession @"
Import-Module '$script:ModuleManifest'
`$model = New-CRMLAudienceModel -Name before-37 -TrainingDatasetArn `$dataset @aws
Add-Type -Path '$script:Core37'
`$legacy = [Amazon.Runtime.BasicAWSCredentials]::new('AKIALEGACY', 'legacy-secret').GetCredentials().AccessKey
`$again = New-CRMLAudienceModel -Name still-works -TrainingDatasetArn `$dataset @aws
@{ Arn = "`$model"; Again = "`$again"; Legacy = `$legacy } | ConvertTo-Json -Compress
"@
        $result.Arn | Should -Match $script:AudienceModelArnPattern
        $result.Again | Should -Match $script:AudienceModelArnPattern
        $result.Legacy | Should -Be 'AKIALEGACY'
    }

    It 'runs its own AWSSDK.Core 4.1 even when 4.0 was loaded first' {
        $result = Invoke-FreshSession @"
Add-Type -Path '$script:Core40'
Import-Module '$script:ModuleManifest'
`$model = New-CRMLAudienceModel -Name after-40 -TrainingDatasetArn `$dataset @aws
`$ours = @(Get-OurCore)
@{ Arn = "`$model"; OurCount = `$ours.Count; OurFileVersion = `$ours[0].GetCustomAttributes([Reflection.AssemblyFileVersionAttribute], `$false)[0].Version; OtherLocation = [Amazon.Runtime.AWSCredentials].Assembly.Location } | ConvertTo-Json -Compress
"@
        $result.Arn | Should -Match $script:AudienceModelArnPattern
        $result.OurCount | Should -Be 1
        $result.OurFileVersion | Should -BeLike '4.1.*'
        $result.OtherLocation | Should -Be $script:Core40
    }

    It 'keeps every assembly of its dependency folder out of the default load context' {
        $result = Invoke-FreshSession @"
Import-Module '$script:ModuleManifest'
`$null = New-CRMLAudienceModel -Name isolated -TrainingDatasetArn `$dataset @aws
`$ours = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object Location -like '$script:ModuleFolder*'
@{
    InDefault = @(`$ours | Where-Object { [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_) -eq [Runtime.Loader.AssemblyLoadContext]::Default } | ForEach-Object { `$_.GetName().Name })
    CoreLoaded = @(Get-OurCore).Count
} | ConvertTo-Json -Compress
"@
        $result.CoreLoaded | Should -Be 1
        @($result.InDefault) | Should -Be @('CleanRoomsML.PowerShell')
    }

    It 'does not load AWSSDK.Core on import alone' {
        $result = Invoke-FreshSession @"
Import-Module '$script:ModuleManifest'
`$null = Get-Command New-CRMLAudienceModel
@{ Core = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count } | ConvertTo-Json -Compress
"@
        $result.Core | Should -Be 0
    }
}

Describe 'The two builds of the client' {
    # The cmdlet assembly is compiled against the netstandard2.0 client but runs with the net8.0 one on pwsh 7
    # (and with netstandard2.0 on Windows PowerShell): every member it may call must have the same signature in both.
    It 'expose the same SDK-free surface, signature for signature' {
        function Get-Surface([string] $Path) {
            $context = [Runtime.Loader.AssemblyLoadContext]::new("surface-$([guid]::NewGuid())", $true)
            $folder = Split-Path $Path
            $context.add_Resolving({ param($ctx, $name) $ctx.LoadFromAssemblyPath((Join-Path $folder "$($name.Name).dll")) }.GetNewClosure())
            try {
                $assembly = $context.LoadFromAssemblyPath($Path)
                $assembly.GetExportedTypes() | Where-Object Namespace -in 'CleanRoomsML.Client', 'CleanRoomsML.Client.Connection', 'CleanRoomsML.Client.Model', 'CleanRoomsML.Client.Constraints' |
                    ForEach-Object {
                        $type = $_
                        $type.GetMembers([Reflection.BindingFlags]'Public,Instance,Static,DeclaredOnly') | ForEach-Object {
                            $modifiers = if ($_ -is [Reflection.MethodInfo]) { ($_.ReturnParameter.GetRequiredCustomModifiers() | ForEach-Object AssemblyQualifiedName) -join ',' }
                            '{0} :: {1} {2}' -f $type.FullName, $_, $modifiers
                        }
                    } | Sort-Object
            }
            finally { $context.Unload() }
        }
        $folder = Join-Path $script:ModuleFolder 'dependencies'
        $core = Get-Surface (Join-Path $folder 'CleanRoomsML.Client.dll')
        $standard = Get-Surface (Join-Path $folder 'netstandard2.0/CleanRoomsML.Client.dll')

        $core.Count | Should -BeGreaterThan 100
        Compare-Object $standard $core | ForEach-Object { '{0} {1}' -f $_.SideIndicator, $_.InputObject } | Should -BeNullOrEmpty
    }
}
