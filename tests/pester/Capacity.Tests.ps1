# Bulk runs against the emulator at the real service's training quota (2 audience models in CREATE_PENDING or
# CREATE_IN_PROGRESS per region): refused rows, -WaitForCapacity, -SkipExisting, and New | Wait streaming.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $null = Start-TestEmulator -ExtraArgs '--max-pending-audience-models', '2'
    $script:Aws = $script:EmulatorArgs

    function Set-Training([double] $Seconds) { $null = Set-EmulatorFaults @{ trainingSeconds = $Seconds } }

    function New-Rows([string] $Prefix, [int] $Count, [string] $Dataset = $script:DatasetArn) {
        ConvertTo-CsvRows -Rows @(1..$Count | ForEach-Object { [ordered]@{ Name = "$Prefix-$_"; TrainingDatasetArn = $Dataset } })
    }

    function Get-AllModels { @(Get-CRMLAudienceModel @script:Aws) }

    # The most models that were training at one instant, from the models' create and update times.
    function Get-MostTrainingAtOnce([object[]] $Models, [double] $TrainingSeconds) {
        $most = 0
        foreach ($model in $Models) {
            $at = $model.CreateTime
            $training = @($Models | Where-Object { $_.CreateTime -le $at -and $at -lt $_.CreateTime.AddSeconds($TrainingSeconds) }).Count
            $most = [Math]::Max($most, $training)
        }
        $most
    }

    # Runs $Script in a new runspace with the module and $aws, and returns the PowerShell instance, started.
    function Start-InRunspace([string] $Script) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$script:ModuleManifest'; `$aws = @{ EndpointUrl = '$($script:Emulator.Url)'; Region = 'us-east-1'; AccessKey = '$script:EmulatorAccessKey'; SecretKey = '$script:EmulatorSecretKey' }; $Script")
        [pscustomobject]@{ Shell = $shell; Async = $shell.BeginInvoke() }
    }
}

AfterAll { Stop-TestEmulator }

Describe 'New-CRMLAudienceModel at the training quota, without -WaitForCapacity' {
    BeforeEach { Reset-Emulator; Set-Training 30 }

    It 'creates what fits and ends every other row as a QuotaExceeded error that names the remedy' {
        $rows = New-Rows -Prefix 'full' -Count 5
        $split = Split-Output ($rows | New-CRMLAudienceModel @script:Aws -ThrottleLimit 1 2>&1)

        $split.Results.Name | Should -Be @('full-1', 'full-2')
        $split.Errors.Count | Should -Be 3
        foreach ($e in $split.Errors) {
            $e.CategoryInfo.Category | Should -Be 'QuotaExceeded'
            $e.FullyQualifiedErrorId | Should -BeLike 'ServiceQuotaExceededException,*'
            $e.ToString() | Should -Match 'training slots in us-east-1 are full'
            $e.ToString() | Should -Match 'the quota allows 2 audience models in training at once, and 2 are training'
            $e.ToString() | Should -Match '-WaitForCapacity'
            $e.ToString() | Should -Match '-SkipExisting'
            $e.ToString() | Should -Not -Match "`n"
        }
        $split.Errors.TargetObject | Should -Be @($rows[2], $rows[3], $rows[4])
    }

    It 'accounts for every row when four are in flight together' {
        $rows = New-Rows -Prefix 'burst' -Count 8
        $split = Split-Output ($rows | New-CRMLAudienceModel @script:Aws 2>&1)

        $split.Results.Count | Should -Be 2
        $split.Errors.Count | Should -Be 6
        @($split.Results.Name) + @($split.Errors.TargetObject.Name) | Sort-Object | Should -Be @($rows.Name | Sort-Object)
    }

    It 'names the listing error when the region''s models cannot be read to tell full slots' {
        $null = Set-EmulatorFaults @{ script = @(
                @{ status = 402; errorType = 'ServiceQuotaExceededException'; message = 'Quota exceeded' },
                @{ status = 403; errorType = 'AccessDeniedException'; message = 'Not allowed to list' }) }
        $row = [pscustomobject]@{ Name = 'unlisted'; TrainingDatasetArn = $script:DatasetArn }
        $split = Split-Output ($row | New-CRMLAudienceModel @script:Aws 2>&1)

        $split.Errors.Count | Should -Be 1
        $e = $split.Errors[0]
        $e.FullyQualifiedErrorId | Should -BeLike 'ServiceQuotaExceededException,*'
        $e.TargetObject | Should -Be $row
        $e.ToString() | Should -Match 'training slots were full could not be read: AccessDeniedException: Not allowed to list'
        $e.ToString() | Should -Match 'cleanrooms-ml:ListAudienceModels'
        Get-EmulatorRequestCount 'ListAudienceModels' | Should -Be 1
    }

    It 'refuses -TimeoutSec and -PollIntervalSec without -WaitForCapacity before sending anything' {
        { New-CRMLAudienceModel @script:Aws -Name lonely -TrainingDatasetArn $script:DatasetArn -TimeoutSec 5 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*add -WaitForCapacity*'
        Get-EmulatorRequestCount | Should -Be 0
    }
}

Describe 'New-CRMLAudienceModel -WaitForCapacity' {
    BeforeEach { Reset-Emulator }

    It 'creates every row of a CSV, in row order, never more than two training at once' {
        Set-Training 1
        $rows = New-Rows -Prefix 'wait' -Count 6
        $split = Split-Output ($rows | New-CRMLAudienceModel @script:Aws -WaitForCapacity -PollIntervalSec 0.2 2>&1)

        $split.Errors | Should -BeNullOrEmpty
        $split.Results.Name | Should -Be $rows.Name
        $models = Get-AllModels
        $models.Count | Should -Be 6
        @($models.Name | Sort-Object -Unique).Count | Should -Be 6 -Because 'a held row is never created twice'
        Get-MostTrainingAtOnce $models 1 | Should -BeLessOrEqual 2
    }

    It 'sees short training end soon without -PollIntervalSec (looks start after a second and grow)' {
        Set-Training 1
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $out = @(New-Rows -Prefix 'default' -Count 4 | New-CRMLAudienceModel @script:Aws -WaitForCapacity -ThrottleLimit 1)
        $clock.Stop()

        $out.Count | Should -Be 4
        # Functional bound, not a benchmark: a fixed 60 s interval would take at least a minute.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30
    }

    It 'sends no more creates than slots have freed once the quota has refused a row' {
        Set-Training 1
        $rows = New-Rows -Prefix 'gate' -Count 8
        $null = $rows | New-CRMLAudienceModel @script:Aws -WaitForCapacity -PollIntervalSec 0.2 -ThrottleLimit 4

        $creates = Get-EmulatorRequestCount 'CreateAudienceModel'
        $refused = (Invoke-EmulatorControl 'requests').rejected.quota
        # The first four go out together and two are refused; after that only freed slots are used, so
        # refusals stay rare (a race between a look and a create can cost one).
        $creates - $refused | Should -Be 8
        $refused | Should -BeLessOrEqual 4
    }

    It 'fails at once a row refused by a quota while nothing is training' {
        Set-Training 30
        $null = Set-EmulatorFaults @{ maxAudienceModels = 0 }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $split = Split-Output (New-Rows -Prefix 'total' -Count 2 | New-CRMLAudienceModel @script:Aws -WaitForCapacity -PollIntervalSec 60 2>&1)
        $clock.Stop()

        $split.Errors.Count | Should -Be 2
        $split.Errors[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $split.Errors[0].ToString() | Should -Match 'Maximum number of audience models'
        $split.Errors[0].ToString() | Should -Not -Match 'training slots'
        # Functional bound, not a benchmark: a held row would wait a 60 s poll interval.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30
        Get-EmulatorRequestCount 'CreateAudienceModel' | Should -Be 2
    }

    It 'ends held rows as CapacityWaitTimeout errors after -TimeoutSec, and later refused rows too' {
        Set-Training 60
        $rows = New-Rows -Prefix 'late' -Count 4
        $split = Split-Output ($rows | New-CRMLAudienceModel @script:Aws -WaitForCapacity -PollIntervalSec 0.2 -TimeoutSec 1 -ThrottleLimit 1 2>&1)

        $split.Results.Name | Should -Be @('late-1', 'late-2')
        $split.Errors.Count | Should -Be 2
        foreach ($e in $split.Errors) {
            $e.FullyQualifiedErrorId | Should -BeLike 'CapacityWaitTimeout,*'
            $e.CategoryInfo.Category | Should -Be 'OperationTimeout'
            $e.ToString() | Should -Match '-TimeoutSec 1'
            $e.ToString() | Should -Match '-SkipExisting -WaitForCapacity'
        }
        $split.Errors.TargetObject | Should -Be @($rows[2], $rows[3])
    }

    It 'holds a row still throttled after the SDK''s attempts and sends it again' {
        Set-Training 0
        $null = Set-EmulatorFaults @{ script = (New-FaultScript -Status 429 -ErrorType ThrottlingException -Message 'Rate exceeded' -Count 4) }
        $result = New-CRMLAudienceModel @script:Aws -Name throttled -TrainingDatasetArn $script:DatasetArn -WaitForCapacity -Verbose 4>&1

        @($result | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match 'still throttled' }).Count | Should -Be 1
        @($result | Where-Object Name -eq 'throttled').Count | Should -Be 1
        Get-EmulatorRequestCount 'CreateAudienceModel' | Should -Be 5
    }

    It 'shows progress only while rows are held' {
        Set-Training 1
        $run = Start-InRunspace "@(1..3 | ForEach-Object { [pscustomobject]@{ Name = `"bar2-`$_`"; TrainingDatasetArn = '$script:DatasetArn' } }) | New-CRMLAudienceModel @aws -WaitForCapacity -PollIntervalSec 0.2 -ThrottleLimit 1"
        try {
            $null = $run.Shell.EndInvoke($run.Async)
            $records = @($run.Shell.Streams.Progress)
            $held = @($records | Where-Object RecordType -eq 'Processing')
            $held | Should -Not -BeNullOrEmpty
            $held[0].StatusDescription | Should -Match '^\d+ created, \d+ training, 1 waiting for a slot$'
            $held[0].CurrentOperation | Should -Match "^Holding row 3 \(audience model 'bar2-3'\) in us-east-1$"
            $records[-1].RecordType | Should -Be 'Completed'
        }
        finally { $run.Shell.Dispose() }

        Reset-Emulator
        Set-Training 0
        $quiet = Start-InRunspace "@(1..3 | ForEach-Object { [pscustomobject]@{ Name = `"fast-`$_`"; TrainingDatasetArn = '$script:DatasetArn' } }) | New-CRMLAudienceModel @aws -WaitForCapacity"
        try {
            $null = $quiet.Shell.EndInvoke($quiet.Async)
            @($quiet.Shell.Streams.Progress) | Should -BeNullOrEmpty -Because 'no row was held'
        }
        finally { $quiet.Shell.Dispose() }
    }

    It 'stops promptly on Ctrl+C while rows are held' {
        Set-Training 300
        $run = Start-InRunspace "@(1..4 | ForEach-Object { [pscustomobject]@{ Name = `"stop-`$_`"; TrainingDatasetArn = '$script:DatasetArn' } }) | New-CRMLAudienceModel @aws -WaitForCapacity -PollIntervalSec 60 -Verbose"
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (-not @($run.Shell.Streams.Verbose | Where-Object Message -match 'held').Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            @($run.Shell.Streams.Verbose | Where-Object Message -match 'held') | Should -Not -BeNullOrEmpty
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $run.Shell.Stop()
            $clock.Stop()

            $run.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            # Functional bound, not a benchmark: the next look would come after 60 s.
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        }
        finally { $run.Shell.Dispose() }
        (Get-AllModels).Count | Should -Be 2
    }
}

Describe 'New-CRMLAudienceModel -SkipExisting' {
    BeforeEach { Reset-Emulator; Set-Training 0 }

    It 'sends no CreateAudienceModel when a finished CSV is run again' {
        $rows = New-Rows -Prefix 'again' -Count 5
        $first = @($rows | New-CRMLAudienceModel @script:Aws)
        $before = Get-EmulatorRequestCount 'CreateAudienceModel'

        $second = @($rows | New-CRMLAudienceModel @script:Aws -SkipExisting)

        Get-EmulatorRequestCount 'CreateAudienceModel' | Should -Be $before
        $second.Name | Should -Be $rows.Name
        $second.AudienceModelArn | Should -Be $first.AudienceModelArn
        $second | ForEach-Object { $_.AlreadyExisted | Should -BeTrue }
        $first | ForEach-Object { $_.AlreadyExisted | Should -BeFalse }
        $second[0].Status | Should -Be 'ACTIVE'
    }

    It 'says in the verbose stream which rows already existed' {
        $null = New-CRMLAudienceModel @script:Aws -Name 'said' -TrainingDatasetArn $script:DatasetArn
        $verbose = New-CRMLAudienceModel @script:Aws -Name 'said' -TrainingDatasetArn $script:DatasetArn -SkipExisting -Verbose 4>&1 |
            Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "The audience model 'said' already exists in us-east-1 on that training dataset"
    }

    It 'reads every page of existing models before the first create' {
        $null = 1..105 | ForEach-Object { [pscustomobject]@{ Name = "many-$_"; TrainingDatasetArn = $script:DatasetArn } } | New-CRMLAudienceModel @script:Aws -ThrottleLimit 8
        $lists = Get-EmulatorRequestCount 'ListAudienceModels'

        $out = @(New-Rows -Prefix 'many' -Count 105 | Select-Object -Last 2 | New-CRMLAudienceModel @script:Aws -SkipExisting)

        $out.Name | Should -Be @('many-104', 'many-105')
        $out | ForEach-Object { $_.AlreadyExisted | Should -BeTrue } # both are on the second page
        (Get-EmulatorRequestCount 'ListAudienceModels') - $lists | Should -Be 2 -Because 'one read of both pages, once for the run'
        Get-EmulatorRequestCount 'CreateAudienceModel' | Should -Be 105
    }

    It 'refuses a name taken on another training dataset, naming both datasets, and sends nothing' {
        $other = (New-CRMLTrainingDataset @script:Aws -Name 'other-ds' -RoleArn 'arn:aws:iam::123456789012:role/Reader' -DatabaseName db -TableName t `
                -Column ([ordered]@{ u = 'USER_ID'; i = 'ITEM_ID'; t = 'TIMESTAMP' })).TrainingDatasetArn
        $existing = New-CRMLAudienceModel @script:Aws -Name 'taken' -TrainingDatasetArn $other
        $creates = Get-EmulatorRequestCount 'CreateAudienceModel'
        $row = [pscustomobject]@{ Name = 'taken'; TrainingDatasetArn = $script:DatasetArn }

        $split = Split-Output ($row | New-CRMLAudienceModel @script:Aws -SkipExisting 2>&1)

        $split.Results | Should -BeNullOrEmpty
        $split.Errors.Count | Should -Be 1
        $e = $split.Errors[0]
        $e.FullyQualifiedErrorId | Should -BeLike 'AudienceModelNameInUse,*'
        $e.CategoryInfo.Category | Should -Be 'ResourceExists'
        $e.TargetObject | Should -Be $row
        $e.ToString() | Should -Match ([regex]::Escape($other))
        $e.ToString() | Should -Match ([regex]::Escape($script:DatasetArn))
        $e.ToString() | Should -Match ([regex]::Escape($existing.AudienceModelArn))
        Get-EmulatorRequestCount 'CreateAudienceModel' | Should -Be $creates
    }

    It 'creates a name repeated in one run once, even with both rows in flight together' {
        $rows = ConvertTo-CsvRows -Rows @(
            [ordered]@{ Name = 'twice'; TrainingDatasetArn = $script:DatasetArn },
            [ordered]@{ Name = 'once'; TrainingDatasetArn = $script:DatasetArn },
            [ordered]@{ Name = 'twice'; TrainingDatasetArn = $script:DatasetArn })
        $out = @($rows | New-CRMLAudienceModel @script:Aws -SkipExisting -ThrottleLimit 4)

        $out.Name | Should -Be @('twice', 'once', 'twice')
        $out[2].AudienceModelArn | Should -Be $out[0].AudienceModelArn
        $out[2].AlreadyExisted | Should -BeTrue
        $out[0].AlreadyExisted | Should -BeFalse
        Get-EmulatorRequestCount 'CreateAudienceModel' | Should -Be 2
    }

    It 'does not count a model whose training failed' {
        $null = Set-EmulatorFaults @{ trainingSeconds = 0 }
        $failing = (New-CRMLTrainingDataset @script:Aws -Name 'will-fail-training' -RoleArn 'arn:aws:iam::123456789012:role/Reader' -DatabaseName db -TableName t `
                -Column ([ordered]@{ u = 'USER_ID'; i = 'ITEM_ID'; t = 'TIMESTAMP' })).TrainingDatasetArn
        $null = New-CRMLAudienceModel @script:Aws -Name 'retry-me' -TrainingDatasetArn $failing
        (Get-CRMLAudienceModel @script:Aws -Name 'retry-me').Status | Should -Be 'CREATE_FAILED'

        $again = New-CRMLAudienceModel @script:Aws -Name 'retry-me' -TrainingDatasetArn $failing -SkipExisting
        $again.AlreadyExisted | Should -BeFalse
        Get-EmulatorRequestCount 'CreateAudienceModel' | Should -Be 2
    }

    It 'reads and sends nothing under -WhatIf, and says the row would be created unless it exists' {
        # What-if messages go to the host, not to a stream, so a child pwsh shows them on its standard output.
        $pwsh = Get-PwshCommand
        $script = "Import-Module '$script:ModuleManifest'; New-CRMLAudienceModel -Name maybe -TrainingDatasetArn '$script:DatasetArn' -EndpointUrl '$($script:Emulator.Url)' -Region us-east-1 -AccessKey '$script:EmulatorAccessKey' -SecretKey '$script:EmulatorSecretKey' -SkipExisting -WhatIf"
        $output = & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -OutputFormat Text -Command $script 2>&1 | Out-String

        $output | Should -Match "What if: .*audience model 'maybe' .* unless it already exists"
        Get-EmulatorRequestCount | Should -Be 0
    }

    It 'creates exactly the missing models when a killed run is run again' {
        Set-Training 1
        $rows = New-Rows -Prefix 'killed' -Count 6
        $csv = Join-Path $TestDrive 'killed.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $pwsh = Get-PwshCommand
        $script = "Import-Module '$script:ModuleManifest'; Import-Csv '$csv' | New-CRMLAudienceModel -EndpointUrl '$($script:Emulator.Url)' -Region us-east-1 -AccessKey '$script:EmulatorAccessKey' -SecretKey '$script:EmulatorSecretKey' -WaitForCapacity -PollIntervalSec 0.2"
        $process = Start-Process -FilePath $pwsh.FilePath -ArgumentList (@($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-Command', $script)) -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'out.txt')
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ((Get-AllModels).Count -lt 3 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $process.Kill() # SIGKILL: no cleanup of any kind
        $process.WaitForExit()
        $partial = (Get-AllModels).Count
        $partial | Should -BeGreaterOrEqual 3
        $partial | Should -BeLessThan 6 -Because 'the run was killed part-way'

        $out = @(Import-Csv $csv | New-CRMLAudienceModel @script:Aws -SkipExisting -WaitForCapacity -PollIntervalSec 0.2)

        $out.Name | Should -Be $rows.Name
        @($out | Where-Object AlreadyExisted).Count | Should -Be $partial
        $models = Get-AllModels
        $models.Count | Should -Be 6
        @($models.Name | Sort-Object -Unique) | Should -Be @($rows.Name | Sort-Object)
    }
}

Describe 'New-CRMLAudienceModel -WaitForCapacity | Wait-CRMLAudienceModel' {
    BeforeEach { Reset-Emulator }

    It 'writes trained models while later rows still wait for a slot' {
        Set-Training 1
        $arrivals = [Collections.Generic.List[object]]::new()
        # One row in flight, so that rows 1 and 2 are the first created (with four in flight the service may take
        # rows 3 and 4 first, and row order then holds every outcome back until rows 1 and 2 are created).
        New-Rows -Prefix 'stream' -Count 6 |
            New-CRMLAudienceModel @script:Aws -WaitForCapacity -PollIntervalSec 0.2 -ThrottleLimit 1 |
            Wait-CRMLAudienceModel @script:Aws -PollIntervalSec 0.2 |
            ForEach-Object { $arrivals.Add([pscustomobject]@{ At = [DateTime]::UtcNow; Model = $_ }) }

        $arrivals.Count | Should -Be 6
        $arrivals.Model | ForEach-Object { $_.Status | Should -Be 'ACTIVE' }
        $lastCreated = (Get-AllModels | Measure-Object CreateTime -Maximum).Maximum
        $arrivals[0].At | Should -BeLessThan $lastCreated -Because 'Wait wrote the first trained model before the last row was created'
    }

    It 'counts -TimeoutSec for each model from when it was received' {
        Set-Training 1
        # Six rows at two slots take about three rounds of training: longer than Wait's -TimeoutSec of 2 s
        # altogether, but no model takes that long after Wait has received it.
        $split = Split-Output (New-Rows -Prefix 'each' -Count 6 |
                New-CRMLAudienceModel @script:Aws -WaitForCapacity -PollIntervalSec 0.2 |
                Wait-CRMLAudienceModel @script:Aws -PollIntervalSec 0.2 -TimeoutSec 2 2>&1)

        $split.Errors | Should -BeNullOrEmpty
        $split.Results.Count | Should -Be 6
    }
}
