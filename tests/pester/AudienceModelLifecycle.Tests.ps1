#Requires -Version 7.2
# Get-, Wait- and Remove-CRMLAudienceModel, and the -Region/-ProfileName completers, against the local emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $null = Start-TestEmulator
    $script:Aws = $script:EmulatorArgs

    # Creates models named <Prefix>-1 .. <Prefix>-<Count> from the seeded dataset and returns them.
    function New-TestModel {
        param([string] $Prefix = 'm', [int] $Count = 1, [string] $DatasetArn = $script:DatasetArn)
        1..$Count | ForEach-Object { [pscustomobject]@{ Name = "$Prefix-$_"; TrainingDatasetArn = $DatasetArn } } |
            New-CRMLAudienceModel @script:Aws -ErrorAction Stop
    }

    function Set-TrainingSeconds([int] $Seconds) { $null = Set-EmulatorFaults @{ trainingSeconds = $Seconds } }

    function Get-MissingModelArn {
        "arn:aws:cleanrooms-ml:us-east-1:$($script:EmulatorAccountId):audience-model/does-not-exist"
    }

    # A training dataset whose name makes the emulator fail every model trained on it (--fail-marker),
    # created with boto3, a client independent of ours. Null when python3 with boto3 is missing.
    function New-FailingDatasetArn {
        $python = Get-Command python3 -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        if (-not $python) { return $null }
        $code = @'
import os, sys, boto3
for name in [k for k, v in os.environ.items() if k.startswith("AWS_") and not v]: del os.environ[name]  # blanked by the test set-up
ml = boto3.session.Session().client("cleanroomsml", endpoint_url=sys.argv[1], region_name="us-east-1",
    aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
print(ml.create_training_dataset(name="clicks-fail-training", roleArn="arn:aws:iam::123456789012:role/ml",
    trainingData=[{"type": "INTERACTIONS", "inputConfig": {
        "schema": [{"columnName": "user_id", "columnTypes": ["USER_ID"]}, {"columnName": "item_id", "columnTypes": ["ITEM_ID"]}],
        "dataSource": {"glueDataSource": {"databaseName": "db", "tableName": "clicks"}}}}])["trainingDatasetArn"])
'@
        $arn = & $python.Source -c $code $script:Emulator.Url $script:EmulatorAccessKey $script:EmulatorSecretKey 2>$null
        if ($LASTEXITCODE -ne 0) { return $null }
        "$arn".Trim()
    }

    # Runs a script in a fresh runspace that has the module but no host UI: any confirmation prompt fails there.
    function Invoke-WithoutHost {
        param([string] $Script, [hashtable] $Parameters = @{})
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule($script:ModuleManifest)
        $runspace = [runspacefactory]::CreateRunspace($state)
        $runspace.Open()
        $ps = [powershell]::Create($runspace)
        try {
            $null = $ps.AddScript($Script).AddParameters($Parameters)
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error) }
        }
        finally {
            $ps.Dispose()
            $runspace.Dispose()
        }
    }
}

AfterAll {
    Stop-TestEmulator
    Restore-TestEnvironment
}

Describe 'Get-CRMLAudienceModel' {
    BeforeEach { Reset-Emulator }

    It 'returns every field of one model by ARN, and its status moves on to ACTIVE' {
        Set-TrainingSeconds 2
        $tags = [hashtable]::new([StringComparer]::Ordinal); $tags['team'] = 'ml'; $tags['Team'] = 'upper'
        $created = New-CRMLAudienceModel @script:Aws -Name 'full' -TrainingDatasetArn $script:DatasetArn -Description 'all fields' `
            -KmsKeyArn 'arn:aws:kms:us-east-1:123456789012:key/k-1' -Tag $tags `
            -TrainingDataStartTime '2024-01-01' -TrainingDataEndTime '2024-02-01T12:00:00Z'

        $model = Get-CRMLAudienceModel @script:Aws -AudienceModelArn $created.AudienceModelArn

        $model | Should -BeOfType CleanRoomsML.PowerShell.Output.AudienceModel
        $model.AudienceModelArn | Should -BeExactly $created.AudienceModelArn
        $model.Name | Should -BeExactly 'full'
        $model.TrainingDatasetArn | Should -BeExactly $script:DatasetArn
        $model.Description | Should -BeExactly 'all fields'
        $model.KmsKeyArn | Should -BeExactly 'arn:aws:kms:us-east-1:123456789012:key/k-1'
        $model.Tags.Count | Should -Be 2
        $model.Tags['Team'] | Should -BeExactly 'upper'
        $model.TrainingDataStartTime | Should -Be ([datetime]::new(2024, 1, 1, 0, 0, 0, [DateTimeKind]::Utc))
        $model.TrainingDataEndTime | Should -Be ([datetime]::new(2024, 2, 1, 12, 0, 0, [DateTimeKind]::Utc))
        $model.CreateTime.Kind | Should -Be 'Utc'
        $model.UpdateTime.Kind | Should -Be 'Utc'
        $model.Status | Should -BeIn 'CREATE_PENDING', 'CREATE_IN_PROGRESS'
        $model.StatusCode | Should -BeNullOrEmpty
        $model.Region | Should -BeExactly 'us-east-1'
        $model.RequestId | Should -Not -BeNullOrEmpty

        Start-Sleep -Milliseconds 2300
        $later = Get-CRMLAudienceModel @script:Aws -Arn $created.AudienceModelArn
        $later.Status | Should -BeExactly 'ACTIVE'
        $later.UpdateTime | Should -BeGreaterThan $model.UpdateTime
    }

    It 'reads the models that New-CRMLAudienceModel writes, bound by property name' {
        $created = New-TestModel -Prefix 'piped' -Count 2
        $read = @($created | Get-CRMLAudienceModel @script:Aws)

        $read.Count | Should -Be 2
        $read.AudienceModelArn | Should -Be $created.AudienceModelArn
        $read.Status | Should -Be 'ACTIVE', 'ACTIVE'
        Get-EmulatorRequestCount 'GetAudienceModel' | Should -Be 2
    }

    It 'reads ARN strings from the pipeline' {
        $created = New-TestModel -Prefix 'text'
        $read = "$($created.AudienceModelArn)" | Get-CRMLAudienceModel @script:Aws
        $read.Name | Should -BeExactly 'text-1'
    }

    It 'lists every model without -AudienceModelArn, as summaries without tags' {
        $null = New-TestModel -Prefix 'all' -Count 3
        $listed = @(Get-CRMLAudienceModel @script:Aws)

        $listed.Count | Should -Be 3
        @($listed.Name | Sort-Object) | Should -Be 'all-1', 'all-2', 'all-3'
        $listed | ForEach-Object { $_.Tags | Should -BeNullOrEmpty; $_.Status | Should -BeExactly 'ACTIVE' }
        $listed[0].Tags | Should -Be $null
        Get-EmulatorRequestCount 'ListAudienceModels' | Should -Be 1
    }

    It 'filters by -Name with wildcards, ignoring letter case' {
        $null = New-TestModel -Prefix 'churn' -Count 2
        $null = New-TestModel -Prefix 'Churn-big'
        $null = New-TestModel -Prefix 'other'

        @((Get-CRMLAudienceModel @script:Aws -Name 'CHURN-*').Name | Sort-Object) | Should -Be 'churn-1', 'churn-2', 'Churn-big-1'
        @((Get-CRMLAudienceModel @script:Aws 'churn-?', 'other-1').Name | Sort-Object) | Should -Be 'churn-1', 'churn-2', 'other-1'
    }

    It 'reports a -Name without wildcards that matches nothing as ObjectNotFound, and a pattern as nothing' {
        $null = New-TestModel -Prefix 'present'
        $out = Split-Output (Get-CRMLAudienceModel @script:Aws -Name 'present-1', 'absent', 'nothing-*' 2>&1)

        $out.Results.Name | Should -Be 'present-1'
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'AudienceModelNameNotFound,*'
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out.Errors[0].TargetObject | Should -BeExactly 'absent'
    }

    It 'is also called Get-CRMLAudienceModelList' {
        $null = New-TestModel -Prefix 'alias'
        (Get-Alias Get-CRMLAudienceModelList).ResolvedCommand.Name | Should -BeExactly 'Get-CRMLAudienceModel'
        (Get-CRMLAudienceModelList @script:Aws).Name | Should -BeExactly 'alias-1'
    }

    It 'reports a missing model as a non-terminating ObjectNotFound error whose TargetObject is the input' {
        $created = New-TestModel -Prefix 'exists'
        $missing = [pscustomobject]@{ AudienceModelArn = Get-MissingModelArn; Note = 'row 1' }
        $out = Split-Output ($missing, $created | Get-CRMLAudienceModel @script:Aws 2>&1)

        $out.Results.Name | Should -BeExactly 'exists-1'
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out.Errors[0].TargetObject | Should -Be $missing
    }

    It 'rejects a value that is not an audience model ARN before sending anything' {
        { Get-CRMLAudienceModel @script:Aws -AudienceModelArn $script:DatasetArn -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        Get-EmulatorRequestCount | Should -Be 0
    }
}

Describe 'Get-CRMLAudienceModel over more than one page' {
    BeforeAll {
        Reset-Emulator
        $script:Many = @(New-TestModel -Prefix 'page' -Count 120)
    }

    BeforeEach {
        # The 120 models stay for every test here; each test counts its own list calls.
        $script:ListsBefore = Get-EmulatorRequestCount 'ListAudienceModels'
    }

    It 'reads every page: all 120 models from two ListAudienceModels calls' {
        $listed = @(Get-CRMLAudienceModel @script:Aws)

        $listed.Count | Should -Be 120
        @($listed.AudienceModelArn | Sort-Object -Unique).Count | Should -Be 120
        (Get-EmulatorRequestCount 'ListAudienceModels') - $script:ListsBefore | Should -Be 2
    }

    It 'stops paging when Select-Object -First 3 has what it needs: one ListAudienceModels call' {
        $first = @(Get-CRMLAudienceModel @script:Aws | Select-Object -First 3)

        $first.Count | Should -Be 3
        (Get-EmulatorRequestCount 'ListAudienceModels') - $script:ListsBefore | Should -Be 1
    }

    It 'filters across pages with -Name' {
        $found = @(Get-CRMLAudienceModel @script:Aws -Name 'PAGE-1', 'page-11?') # page-1 is on the first page, page-110..119 on the second
        $found.Count | Should -Be 11
        $found.Name | Should -Contain 'page-1'
        $found.Name | Should -Contain 'page-119'
    }
}

Describe 'Wait-CRMLAudienceModel' {
    BeforeEach { Reset-Emulator }

    It 'waits for several models together and writes each once, ACTIVE' {
        Set-TrainingSeconds 2
        $created = New-TestModel -Prefix 'wait' -Count 4
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $done = @($created | Wait-CRMLAudienceModel @script:Aws -PollIntervalSec 1)
        $clock.Stop()

        $done.Count | Should -Be 4
        @($done.AudienceModelArn | Sort-Object -Unique).Count | Should -Be 4
        @($done.AudienceModelArn | Sort-Object) | Should -Be @($created.AudienceModelArn | Sort-Object)
        $done | ForEach-Object { $_.Status | Should -BeExactly 'ACTIVE' }
        # Polled together: one wait of about the training time, not four in a row.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
        Get-EmulatorRequestCount 'GetAudienceModel' | Should -BeGreaterThan 4
    }

    It 'runs the showcase: Import-Csv | New-CRMLAudienceModel | Wait-CRMLAudienceModel' {
        Set-TrainingSeconds 2
        $path = Join-Path $TestDrive 'm.csv'
        Set-Content -LiteralPath $path -Value 'Name,TrainingDatasetArn', "csv-a,$($script:DatasetArn)", "csv-b,$($script:DatasetArn)"

        $done = @(Import-Csv $path | New-CRMLAudienceModel @script:Aws | Wait-CRMLAudienceModel @script:Aws -PollIntervalSec 1)

        @($done.Name | Sort-Object) | Should -Be 'csv-a', 'csv-b'
        $done | ForEach-Object { $_.Status | Should -BeExactly 'ACTIVE' }
    }

    It 'reports progress as "n of N active" and completes the bar' {
        Set-TrainingSeconds 2
        $created = New-TestModel -Prefix 'progress' -Count 2
        # A runspace of its own, without a host, so that the progress records land in Streams.Progress.
        $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::NewRunspace)
        try {
            $null = $ps.AddScript('param($Manifest, $Aws, $Models) $ProgressPreference = "Continue"; Import-Module $Manifest; $Models | Wait-CRMLAudienceModel @Aws -PollIntervalSec 1').
                AddParameters(@{ Manifest = $script:ModuleManifest; Aws = $script:Aws; Models = $created })
            $output = $ps.Invoke()
            $progress = @($ps.Streams.Progress | Where-Object Activity -eq 'Waiting for audience models')
        }
        finally { $ps.Dispose() }

        $output.Count | Should -Be 2
        $progress.Count | Should -BeGreaterThan 1
        # The first model is polled as soon as it arrives; the second joins the next round.
        $progress[0].StatusDescription | Should -BeExactly '0 of 1 active'
        $progress[0].CurrentOperation | Should -Match 'progress-1'
        $progress[1].StatusDescription | Should -BeExactly '0 of 2 active'
        $progress[1].CurrentOperation | Should -Match 'progress-1.*progress-2'
        ($progress | Where-Object RecordType -eq 'Processing')[-1].StatusDescription | Should -BeExactly '2 of 2 active'
        $progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'writes AudienceModelCreateFailed with the service''s statusDetails for a CREATE_FAILED model, and still writes the others' {
        $failingDataset = New-FailingDatasetArn
        if (-not $failingDataset) { Set-ItResult -Skipped -Because 'python3 with boto3 is needed to create the failing training dataset'; return }
        Set-TrainingSeconds 1
        $bad = New-TestModel -Prefix 'doomed' -DatasetArn $failingDataset
        $good = New-TestModel -Prefix 'fine'

        $out = Split-Output ($bad, $good | Wait-CRMLAudienceModel @script:Aws -PollIntervalSec 1 2>&1)

        $out.Results.Name | Should -BeExactly 'fine-1'
        $out.Errors.Count | Should -Be 1
        $e = $out.Errors[0]
        $e.FullyQualifiedErrorId | Should -BeLike 'AudienceModelCreateFailed,*'
        $e.CategoryInfo.Category | Should -Be 'InvalidResult'
        $e.TargetObject | Should -Be $bad
        $e.ToString() | Should -Match 'CREATE_FAILED'
        $e.ToString() | Should -Match 'TRAINING_FAILED'
        $failed = Get-CRMLAudienceModel @script:Aws -Arn $bad.AudienceModelArn
        $e.ToString() | Should -Match ([regex]::Escape($failed.StatusMessage))
    }

    It 'gives up after -TimeoutSec with one WaitTimeout error per unfinished model' {
        Set-TrainingSeconds 60
        $slow = New-TestModel -Prefix 'slow' -Count 2
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $out = Split-Output ($slow | Wait-CRMLAudienceModel @script:Aws -TimeoutSec 2 -PollIntervalSec 1 2>&1)
        $clock.Stop()

        $out.Results | Should -BeNullOrEmpty
        $out.Errors.Count | Should -Be 2
        $out.Errors | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'WaitTimeout,*'
            $_.CategoryInfo.Category | Should -Be 'OperationTimeout'
        }
        @($out.Errors.TargetObject.Name | Sort-Object) | Should -Be 'slow-1', 'slow-2'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
    }

    It 'reports a missing model as ObjectNotFound with the input as TargetObject, and waits for the others' {
        $good = New-TestModel -Prefix 'real'
        $out = Split-Output ((Get-MissingModelArn), $good | Wait-CRMLAudienceModel @script:Aws -PollIntervalSec 1 2>&1)

        $out.Results.Name | Should -BeExactly 'real-1'
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out.Errors[0].TargetObject | Should -BeExactly (Get-MissingModelArn)
    }

    It 'writes a model given twice only once' {
        $model = New-TestModel -Prefix 'twice'
        @($model, $model | Wait-CRMLAudienceModel @script:Aws).Count | Should -Be 1
    }

    It 'stops at once when the pipeline is stopped in the middle of a pause' {
        Set-TrainingSeconds 600
        $model = New-TestModel -Prefix 'stopped'
        $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::NewRunspace)
        try {
            $null = $ps.AddScript('param($Manifest, $Aws, $Arn) Import-Module $Manifest; Wait-CRMLAudienceModel @Aws -AudienceModelArn $Arn -PollIntervalSec 300').
                AddParameters(@{ Manifest = $script:ModuleManifest; Aws = $script:Aws; Arn = $model.AudienceModelArn })
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-EmulatorRequestCount 'GetAudienceModel') -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Start-Sleep -Milliseconds 300 # now in the 300-second pause
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $async.IsCompleted | Should -BeTrue
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Remove-CRMLAudienceModel' {
    BeforeEach { Reset-Emulator }

    It 'removes a model with -Confirm:$false' {
        $model = New-TestModel -Prefix 'gone'
        $result = Remove-CRMLAudienceModel @script:Aws -AudienceModelArn $model.AudienceModelArn -Confirm:$false

        $result | Should -BeNullOrEmpty
        Get-EmulatorRequestCount 'DeleteAudienceModel' | Should -Be 1
        { Get-CRMLAudienceModel @script:Aws -Arn $model.AudienceModelArn -ErrorAction Stop } | Should -Throw -ErrorId 'ResourceNotFoundException,*'
    }

    It 'asks for confirmation by default (ConfirmImpact High): without a host to ask, nothing is removed' {
        $model = New-TestModel -Prefix 'asked'
        $run = Invoke-WithoutHost 'param($Aws, $Arn) Remove-CRMLAudienceModel @Aws -AudienceModelArn $Arn' @{ Aws = $script:Aws; Arn = $model.AudienceModelArn }

        $run.Errors.Count | Should -BeGreaterThan 0
        Get-EmulatorRequestCount 'DeleteAudienceModel' | Should -Be 0
    }

    It 'removes without asking with -Force' {
        $model = New-TestModel -Prefix 'forced'
        $run = Invoke-WithoutHost 'param($Aws, $Arn) Remove-CRMLAudienceModel @Aws -AudienceModelArn $Arn -Force -PassThru' @{ Aws = $script:Aws; Arn = $model.AudienceModelArn }

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be $model.AudienceModelArn
        Get-EmulatorRequestCount 'DeleteAudienceModel' | Should -Be 1
    }

    It 'still asks with -Force when -Confirm is given explicitly' {
        $model = New-TestModel -Prefix 'confirmed'
        $run = Invoke-WithoutHost 'param($Aws, $Arn) Remove-CRMLAudienceModel @Aws -AudienceModelArn $Arn -Force -Confirm' @{ Aws = $script:Aws; Arn = $model.AudienceModelArn }

        $run.Errors.Count | Should -BeGreaterThan 0
        Get-EmulatorRequestCount 'DeleteAudienceModel' | Should -Be 0
    }

    It 'sends nothing with -WhatIf, also together with -Force' {
        $model = New-TestModel -Prefix 'dry'
        $before = Get-EmulatorRequestCount

        $model | Remove-CRMLAudienceModel @script:Aws -WhatIf
        $model | Remove-CRMLAudienceModel @script:Aws -WhatIf -Force -PassThru | Should -BeNullOrEmpty

        Get-EmulatorRequestCount | Should -Be $before
        (Get-CRMLAudienceModel @script:Aws -Arn $model.AudienceModelArn).Name | Should -BeExactly 'dry-1'
    }

    It 'writes each removed model''s ARN as a string with -PassThru' {
        $models = New-TestModel -Prefix 'passthru' -Count 2
        $removed = @($models | Remove-CRMLAudienceModel @script:Aws -Confirm:$false -PassThru)

        $removed.Count | Should -Be 2
        $removed | ForEach-Object { $_ | Should -BeOfType [string] }
        $removed | Should -Be $models.AudienceModelArn
        @(Get-CRMLAudienceModel @script:Aws) | Should -BeNullOrEmpty
    }

    It 'removes what Get-CRMLAudienceModel lists, from the pipeline' {
        $null = New-TestModel -Prefix 'temp' -Count 3
        $null = New-TestModel -Prefix 'keep'

        Get-CRMLAudienceModel @script:Aws -Name 'temp-*' | Remove-CRMLAudienceModel @script:Aws -Force

        (Get-CRMLAudienceModel @script:Aws).Name | Should -BeExactly 'keep-1'
    }

    It 'reports a missing model as ObjectNotFound with the input as TargetObject, and removes the next one' {
        $model = New-TestModel -Prefix 'after'
        $missing = [pscustomobject]@{ AudienceModelArn = Get-MissingModelArn }
        $out = Split-Output ($missing, $model | Remove-CRMLAudienceModel @script:Aws -Force -PassThru 2>&1)

        $out.Results | Should -Be $model.AudienceModelArn
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out.Errors[0].TargetObject | Should -Be $missing
    }
}

Describe 'Argument completion' {
    BeforeAll {
        function Get-Completion([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches) }
    }

    It 'completes -Region from the SDK''s region list on <Cmdlet>' -TestCases @(
        @{ Cmdlet = 'Get-CRMLAudienceModel' }, @{ Cmdlet = 'Wait-CRMLAudienceModel' },
        @{ Cmdlet = 'Remove-CRMLAudienceModel' }, @{ Cmdlet = 'New-CRMLAudienceModel' }
    ) {
        $matches = Get-Completion "$Cmdlet -Region eu-we"

        $matches.CompletionText | Should -Contain 'eu-west-1'
        $matches.CompletionText | Should -Contain 'eu-west-3'
        $matches | ForEach-Object { $_.CompletionText | Should -BeLike 'eu-we*' }
        ($matches | Where-Object CompletionText -eq 'eu-west-1').ToolTip | Should -Match 'Ireland'
    }

    It 'offers real regions only, each a valid -Region value' {
        $all = Get-Completion 'Get-CRMLAudienceModel -Region '
        $all.Count | Should -BeGreaterThan 20
        $all.CompletionText | Should -Contain 'us-east-1'
        $all.CompletionText | Should -Not -Contain 'aws-global'
        $all | ForEach-Object { $_.CompletionText | Should -Match '^[a-z]{2,}(-[a-z0-9]+)+$'; $_.CompletionText | Should -Match '\d$' }
    }

    Context '-ProfileName' {
        BeforeAll {
            Set-Content -LiteralPath $env:AWS_CONFIG_FILE -Value "[profile analytics]`nregion = us-east-1`naws_access_key_id = AKIAEXAMPLEEXAMPLE01`naws_secret_access_key = x`n"
            Set-Content -LiteralPath $env:AWS_SHARED_CREDENTIALS_FILE -Value "[default]`naws_access_key_id = AKIAEXAMPLEEXAMPLE02`naws_secret_access_key = y`n[build-bot]`naws_access_key_id = AKIAEXAMPLEEXAMPLE03`naws_secret_access_key = z`n"
            $script:OtherFile = Join-Path $TestDrive 'other-credentials'
            Set-Content -LiteralPath $script:OtherFile -Value "[elsewhere]`naws_access_key_id = AKIAEXAMPLEEXAMPLE04`naws_secret_access_key = w`n"
        }

        AfterAll {
            foreach ($file in $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE) { Set-Content -LiteralPath $file -Value '' }
        }

        It 'completes the profiles of the shared config and credentials files' {
            $names = (Get-Completion 'Get-CRMLAudienceModel -ProfileName ').CompletionText
            $names | Should -Contain 'analytics'
            $names | Should -Contain 'default'
            $names | Should -Contain 'build-bot'
            $names | Should -Not -Contain 'elsewhere'
        }

        It 'completes by prefix' {
            (Get-Completion 'Remove-CRMLAudienceModel -ProfileName bu').CompletionText | Should -Be 'build-bot'
        }

        It 'reads the -ProfileLocation file typed on the same line' {
            (Get-Completion "Wait-CRMLAudienceModel -ProfileLocation '$($script:OtherFile)' -ProfileName ").CompletionText | Should -Contain 'elsewhere'
        }

        It 'is fast and sends no request' {
            $null = Get-Completion 'Get-CRMLAudienceModel -ProfileName '
            $before = Get-EmulatorRequestCount
            $elapsed = Measure-Command {
                $null = Get-Completion 'Get-CRMLAudienceModel -ProfileName '
                $null = Get-Completion 'Get-CRMLAudienceModel -Region us-'
            }
            $elapsed.TotalMilliseconds | Should -BeLessThan 1000
            Get-EmulatorRequestCount | Should -Be $before
        }
    }
}
