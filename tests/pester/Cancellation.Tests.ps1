# Ctrl+C (a pipeline stop) ends a call in flight: the cmdlets wait on a cancellation token, not on the network.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # Every service request takes 20 s: a stop that waited for the answer would be plain to see.
    $null = Start-TestEmulator -ExtraArgs '--latency-ms', '20000'

    # Starts $Script in a new runspace with the module, stops it after $StopAfterMs and returns how long the stop took.
    function Measure-Stop([string] $Script, [int] $StopAfterMs = 1000) {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$script:ModuleManifest'; `$aws = @{ EndpointUrl = '$($script:Emulator.Url)'; Region = 'us-east-1'; AccessKey = '$script:EmulatorAccessKey'; SecretKey = '$script:EmulatorSecretKey' }; $Script")
            $async = $shell.BeginInvoke()
            Start-Sleep -Milliseconds $StopAfterMs
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Stop()
            [pscustomobject]@{
                StopMs  = $clock.ElapsedMilliseconds
                State   = $shell.InvocationStateInfo.State
                Verbose = @($shell.Streams.Verbose | ForEach-Object Message)
            }
        }
        finally { $shell.Dispose() }
    }
}

AfterAll { Stop-TestEmulator }

Describe 'Stopping a pipeline' {
    It 'stops New-CRMLAudienceModel in the middle of a request' {
        $result = Measure-Stop "New-CRMLAudienceModel -Name stopped -TrainingDatasetArn '$script:DatasetArn' @aws -Verbose"

        $result.Verbose | Should -Contain "POST $($script:Emulator.Url)/audience-model (audience model 'stopped')" -Because 'the request was in flight when the stop came'
        $result.State | Should -Be 'Stopped'
        # Functional bound, not a benchmark: the request would take 20 s to answer.
        $result.StopMs | Should -BeLessThan 5000
    }

    It 'stops New-CRMLAudienceModel with several rows in flight' {
        $rows = "1..8 | ForEach-Object { [pscustomobject]@{ Name = ""stopped-`$_""; TrainingDatasetArn = '$script:DatasetArn' } }"
        $result = Measure-Stop "$rows | New-CRMLAudienceModel @aws -Verbose"

        @($result.Verbose -like 'POST *').Count | Should -Be 4 -Because 'the default -ThrottleLimit sends four rows before the first answer'
        $result.State | Should -Be 'Stopped'
        $result.StopMs | Should -BeLessThan 5000
    }

    It 'stops Wait-CRMLAudienceModel during a poll' {
        $arn = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/00000000-0000-0000-0000-000000000000'
        $result = Measure-Stop "Wait-CRMLAudienceModel -AudienceModelArn '$arn' -PollIntervalSec 60 @aws -Verbose"

        ($result.Verbose -like 'GET *') | Should -Not -BeNullOrEmpty -Because 'a poll was in flight when the stop came'

        $result.State | Should -Be 'Stopped'
        $result.StopMs | Should -BeLessThan 5000
    }
}
