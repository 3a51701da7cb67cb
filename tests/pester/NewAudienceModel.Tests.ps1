#Requires -Version 7.2
# New-CRMLAudienceModel against the local emulator, over real HTTP with SigV4.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $null = Start-TestEmulator -ExtraArgs '--region', 'us-east-1,eu-west-1'

    # -EndpointUrl/-Region/-AccessKey/-SecretKey, and the same without -Region for rows that carry their own.
    $script:Aws = $script:EmulatorArgs
    $script:AwsNoRegion = $script:EmulatorArgs.Clone()
    $script:AwsNoRegion.Remove('Region')

    $script:KmsKeyArn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'

    # One CSV row: an Id to recognise it by, a valid Name and TrainingDatasetArn, and the given columns.
    function New-Row {
        param([hashtable] $Values = @{}, [string] $Id = 'r1')
        $row = [ordered]@{ Id = $Id; Name = "model-$Id"; TrainingDatasetArn = $script:DatasetArn }
        foreach ($key in $Values.Keys) { $row[$key] = $Values[$key] }
        $row
    }

    # Pipes rows into the cmdlet with the emulator's settings; results and errors come back merged.
    function Invoke-NewModel {
        param($Rows, [hashtable] $Options = @{}, [switch] $NoRegion)
        $aws = if ($NoRegion) { $script:AwsNoRegion } else { $script:Aws }
        $Rows | New-CRMLAudienceModel @aws @Options 2>&1
    }

    function Get-TagText([System.Collections.IDictionary] $Tags) {
        @($Tags.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" } | Sort-Object) -join ';'
    }
}

AfterAll {
    Stop-TestEmulator
    Restore-TestEnvironment
}

Describe 'New-CRMLAudienceModel against the emulator' {
    BeforeEach {
        Reset-Emulator
    }

    Describe 'Binding from a CSV file' {
        It 'sends exactly the members of a full row, with tags written key=value;key2=value2' {
            $path = Join-Path $TestDrive 'full.csv'
            Set-Content -LiteralPath $path -Encoding utf8 -Value @(
                'Name,TrainingDatasetArn,Description,KmsKeyArn,Tags,TrainingDataStartTime,TrainingDataEndTime,Region'
                "full-model,$(Get-DemoDatasetArn 'eu-west-1'),Churn propensity,$($script:KmsKeyArn),team=ml;env=test,2024-01-01,2024-06-30T12:30:00Z,eu-west-1"
            )
            $out = Split-Output (Invoke-NewModel (Import-Csv -LiteralPath $path) -NoRegion)

            $out.Errors | Should -BeNullOrEmpty
            $out.Results.Count | Should -Be 1
            $body = Get-EmulatorLastBody
            @($body.Keys | Sort-Object) | Should -Be @(@('description', 'kmsKeyArn', 'name', 'tags', 'trainingDataEndTime',
                    'trainingDataStartTime', 'trainingDatasetArn') | Sort-Object)
            $body.name | Should -BeExactly 'full-model'
            $body.trainingDatasetArn | Should -BeExactly (Get-DemoDatasetArn 'eu-west-1')
            $body.description | Should -BeExactly 'Churn propensity'
            $body.kmsKeyArn | Should -BeExactly $script:KmsKeyArn
            Get-TagText $body.tags | Should -BeExactly 'env=test;team=ml'
            $body.trainingDataStartTime | Should -BeExactly '2024-01-01T00:00:00Z'
            $body.trainingDataEndTime | Should -BeExactly '2024-06-30T12:30:00Z'
            (Get-EmulatorLastRequest).headers.authorization | Should -Match '/eu-west-1/cleanrooms-ml/aws4_request'
        }

        It 'reads tags written as a JSON object in a CSV cell' {
            $rows = ConvertTo-CsvRows @(New-Row @{ Tags = '{"team":"ml","cost-centre":"42"}' })
            $out = Split-Output (Invoke-NewModel $rows)

            $out.Errors | Should -BeNullOrEmpty
            Get-TagText (Get-EmulatorLastBody).tags | Should -BeExactly 'cost-centre=42;team=ml'
        }

        It 'binds a column named Tag (the parameter''s own name) as well as Tags' {
            $rows = ConvertTo-CsvRows @(New-Row @{ Tag = 'owner=alice' })
            $out = Split-Output (Invoke-NewModel $rows)

            $out.Errors | Should -BeNullOrEmpty
            Get-TagText (Get-EmulatorLastBody).tags | Should -BeExactly 'owner=alice'
        }

        It 'binds camelCase column names' {
            $path = Join-Path $TestDrive 'camel.csv'
            Set-Content -LiteralPath $path -Encoding utf8 -Value @(
                'name,trainingDatasetArn,description,kmsKeyArn,tags,trainingDataStartTime,trainingDataEndTime,region'
                "camel-model,$($script:DatasetArn),camel,$($script:KmsKeyArn),k=v,2024-02-01T00:00:00Z,2024-03-01T00:00:00Z,us-east-1"
            )
            $out = Split-Output (Invoke-NewModel (Import-Csv -LiteralPath $path) -NoRegion)

            $out.Errors | Should -BeNullOrEmpty
            $body = Get-EmulatorLastBody
            $body.name | Should -BeExactly 'camel-model'
            $body.description | Should -BeExactly 'camel'
            $body.kmsKeyArn | Should -BeExactly $script:KmsKeyArn
            Get-TagText $body.tags | Should -BeExactly 'k=v'
            $body.trainingDataStartTime | Should -BeExactly '2024-02-01T00:00:00Z'
            $body.trainingDataEndTime | Should -BeExactly '2024-03-01T00:00:00Z'
            $out.Results[0].Region | Should -BeExactly 'us-east-1'
        }

        It 'does not send blank optional cells (a blank Region falls back to AWS_REGION)' {
            $rows = ConvertTo-CsvRows @(New-Row @{
                    Description = ''; KmsKeyArn = ''; Tags = ''; TrainingDataStartTime = ''; TrainingDataEndTime = ' '; Region = ''
                })
            $env:AWS_REGION = 'eu-west-1'
            try {
                $out = Split-Output (Invoke-NewModel $rows -NoRegion)
            } finally {
                $env:AWS_REGION = $null
            }

            $out.Errors | Should -BeNullOrEmpty
            $out.Results.Count | Should -Be 1
            @((Get-EmulatorLastBody).Keys | Sort-Object) | Should -Be @('name', 'trainingDatasetArn')
            $out.Results[0].Region | Should -BeExactly 'eu-west-1'
        }

        It 'never creates a model from a plain string piped in' {
            $out = Split-Output (Invoke-NewModel 'just-a-string')

            $out.Results | Should -BeNullOrEmpty
            $out.Errors.Count | Should -Be 1
            $out.Errors[0].ToString() | Should -Match '\bName\b'
            Get-EmulatorRequestCount | Should -Be 0
        }

        It 'reports a CSV without a Name column as a missing Name on every row, never a model named @{...}' {
            $rows = ConvertTo-CsvRows @(
                [ordered]@{ Id = 'a'; TrainingDatasetArn = $script:DatasetArn }
                [ordered]@{ Id = 'b'; TrainingDatasetArn = $script:DatasetArn })
            $out = Split-Output (Invoke-NewModel $rows)

            $out.Results | Should -BeNullOrEmpty
            $out.Errors.Count | Should -Be 2
            $out.Errors | ForEach-Object { $_.ToString() | Should -Match '\bName\b' }
            @($out.Errors.TargetObject.Id) | Should -Be @('a', 'b')
            Get-EmulatorRequestCount | Should -Be 0
        }
    }

    Describe 'Validation before anything is sent' {
        It 'rejects <Case>, naming -<Parameter>' -ForEach @(
            @{ Case = 'a 64-character name'; Values = @{ Name = 'n' * 64 }; Parameter = 'Name'; Detail = '\b64\b' }
            @{ Case = 'an empty name'; Values = @{ Name = '' }; Parameter = 'Name'; Detail = '\b0\b' }
            @{ Case = 'a blank name'; Values = @{ Name = '   ' }; Parameter = 'Name'; Detail = 'blank' }
            @{ Case = 'a name with a line break'; Values = @{ Name = "two`nlines" }; Parameter = 'Name'; Detail = 'line break' }
            @{ Case = 'a dataset ARN of another service'; Values = @{ TrainingDatasetArn = 'arn:aws:s3:::my-bucket/training-data' }; Parameter = 'TrainingDatasetArn'; Detail = 'training dataset ARN' }
            @{ Case = 'an audience model ARN as dataset ARN'; Values = @{ TrainingDatasetArn = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/abc' }; Parameter = 'TrainingDatasetArn'; Detail = 'training-dataset' }
            @{ Case = 'a dataset ARN with text before it (full match)'; Values = @{ TrainingDatasetArn = 'see arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions' }; Parameter = 'TrainingDatasetArn'; Detail = 'training dataset ARN' }
            @{ Case = 'a dataset ARN shorter than 20 characters'; Values = @{ TrainingDatasetArn = 'arn:aws:x' }; Parameter = 'TrainingDatasetArn'; Detail = '\b9\b' }
            @{ Case = 'a KMS alias instead of a key ARN'; Values = @{ KmsKeyArn = 'arn:aws:kms:us-east-1:123456789012:alias/my-key' }; Parameter = 'KmsKeyArn'; Detail = 'KMS key ARN' }
            @{ Case = 'a 256-character description'; Values = @{ Description = 'd' * 256 }; Parameter = 'Description'; Detail = '\b256\b' }
            @{ Case = '51 tags'; Values = @{ Tags = (1..51 | ForEach-Object { "k$_=v" }) -join ';' }; Parameter = 'Tag'; Detail = '\b51\b' }
            @{ Case = 'a 129-character tag key'; Values = @{ Tags = ('k' * 129) + '=v' }; Parameter = 'Tag'; Detail = '\b129\b' }
            @{ Case = 'a 257-character tag value'; Values = @{ Tags = 'k=' + ('v' * 257) }; Parameter = 'Tag'; Detail = '\b257\b' }
            @{ Case = 'a tag key AWS:x'; Values = @{ Tags = 'AWS:x=1' }; Parameter = 'Tag'; Detail = 'aws:' }
            @{ Case = 'a tag key aws:team'; Values = @{ Tags = 'aws:team=ml' }; Parameter = 'Tag'; Detail = 'aws:' }
            @{ Case = 'a tag key Aws:Team in JSON'; Values = @{ Tags = '{"Aws:Team":"ml"}' }; Parameter = 'Tag'; Detail = 'aws:' }
            @{ Case = 'duplicate tag keys in a CSV string'; Values = @{ Tags = 'team=a;team=b' }; Parameter = 'Tag'; Detail = 'more than once' }
            @{ Case = 'duplicate tag keys in JSON'; Values = @{ Tags = '{"team":"a","team":"b"}' }; Parameter = 'Tag'; Detail = 'more than once' }
            @{ Case = 'a tag without a key'; Values = @{ Tags = '=orphan' }; Parameter = 'Tag'; Detail = 'key' }
            @{ Case = 'a training window that starts after it ends'; Values = @{ TrainingDataStartTime = '2024-06-01'; TrainingDataEndTime = '2024-01-01' }; Parameter = 'TrainingDataStartTime'; Detail = 'before' }
            @{ Case = 'a training window that starts when it ends'; Values = @{ TrainingDataStartTime = '2024-06-01T00:00:00Z'; TrainingDataEndTime = '2024-06-01' }; Parameter = 'TrainingDataStartTime'; Detail = 'before' }
            @{ Case = 'an unparseable start time'; Values = @{ TrainingDataStartTime = 'next tuesday' }; Parameter = 'TrainingDataStartTime'; Detail = 'ISO-8601' }
            @{ Case = 'a day-first end time'; Values = @{ TrainingDataEndTime = '31/12/2024' }; Parameter = 'TrainingDataEndTime'; Detail = 'ISO-8601' }
            @{ Case = 'a region that is not a region name'; Values = @{ Region = 'US East 1' }; Parameter = 'Region'; Detail = 'US East 1' }
        ) {
            $rows = ConvertTo-CsvRows @(New-Row $Values -Id 'bad-row')
            $out = Split-Output (Invoke-NewModel $rows -NoRegion:($Values.ContainsKey('Region')))

            $out.Results | Should -BeNullOrEmpty
            $out.Errors.Count | Should -Be 1
            $message = $out.Errors[0].ToString()
            $message | Should -Match "'$Parameter'"
            $message | Should -Match $Detail
            # Binding failures get the engine's category (InvalidData); the cmdlet's own checks InvalidArgument.
            $out.Errors[0].CategoryInfo.Category | Should -BeIn @('InvalidArgument', 'InvalidData')
            $out.Errors[0].TargetObject.Id | Should -BeExactly 'bad-row'
            Get-EmulatorRequestCount | Should -Be 0
        }
    }

    Describe 'Accepted edges' {
        It 'accepts <Case>' -ForEach @(
            @{ Case = 'a 63-character name'; Values = @{ Name = 'n' * 63 }; Check = { param($body) $body.name | Should -BeExactly ('n' * 63) } }
            @{ Case = 'a unicode name'; Values = @{ Name = 'Modèle-日本' }; Check = { param($body) $body.name | Should -BeExactly 'Modèle-日本' } }
            @{ Case = 'a name with a tab'; Values = @{ Name = "tab`tbed" }; Check = { param($body) $body.name | Should -BeExactly "tab`tbed" } }
            @{ Case = 'a 255-character description with a line break'; Values = @{ Description = ('d' * 200) + "`n" + ('e' * 54) }; Check = { param($body) $body.description.Length | Should -Be 255 } }
            @{ Case = '50 tags'; Values = @{ Tags = (1..50 | ForEach-Object { "k$_=v$_" }) -join ';' }; Check = { param($body) $body.tags.Count | Should -Be 50; $body.tags['k50'] | Should -BeExactly 'v50' } }
            @{ Case = 'a 256-character tag value'; Values = @{ Tags = 'k=' + ('v' * 256) }; Check = { param($body) $body.tags['k'] | Should -BeExactly ('v' * 256) } }
            @{ Case = 'a 256-character tag value of emoji (counted as characters, not UTF-16 units)'; Values = @{ Tags = 'k=' + ([char]::ConvertFromUtf32(0x1F600) * 256) }; Check = { param($body) $body.tags['k'] | Should -BeExactly ([char]::ConvertFromUtf32(0x1F600) * 256) } }
            @{ Case = 'a 128-character tag key'; Values = @{ Tags = ('k' * 128) + '=v' }; Check = { param($body) $body.tags[('k' * 128)] | Should -BeExactly 'v' } }
            @{ Case = 'an empty tag value'; Values = @{ Tags = 'empty=' }; Check = { param($body) $body.tags['empty'] | Should -BeExactly '' } }
            @{ Case = 'a tag value holding = signs (split on the first =)'; Values = @{ Tags = 'expr=a=b' }; Check = { param($body) $body.tags['expr'] | Should -BeExactly 'a=b' } }
            @{ Case = 'a tag key that merely contains aws:'; Values = @{ Tags = 'my-aws:key=1' }; Check = { param($body) $body.tags['my-aws:key'] | Should -BeExactly '1' } }
            @{ Case = 'tag keys that differ only in case'; Values = @{ Tags = 'Team=a;team=b' }; Check = { param($body) Get-TagText $body.tags | Should -BeExactly 'Team=a;team=b' } }
            @{ Case = 'blank optional cells'; Values = @{ Description = ''; KmsKeyArn = ''; Tags = ''; TrainingDataStartTime = ''; TrainingDataEndTime = '' }; Check = { param($body) @($body.Keys | Sort-Object) | Should -Be @('name', 'trainingDatasetArn') } }
        ) {
            $rows = ConvertTo-CsvRows @(New-Row $Values)
            $out = Split-Output (Invoke-NewModel $rows)

            $out.Errors | Should -BeNullOrEmpty
            $out.Results.Count | Should -Be 1
            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 1
            & $Check (Get-EmulatorLastBody)
        }

        It 'accepts tags from a hashtable with non-string values, sent as invariant-culture text' {
            $previous = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'de-DE'
                $out = Split-Output (New-CRMLAudienceModel 'typed-tags' -TrainingDatasetArn $script:DatasetArn @script:Aws `
                        -Tag @{ ratio = 1.5; count = 3; enabled = $true } 2>&1)
            } finally {
                [cultureinfo]::CurrentCulture = $previous
            }

            $out.Errors | Should -BeNullOrEmpty
            Get-TagText (Get-EmulatorLastBody).tags | Should -BeExactly 'count=3;enabled=true;ratio=1.5'
        }
    }

    Describe '-WhatIf' {
        It 'sends no request for any row' {
            $rows = ConvertTo-CsvRows @((New-Row -Id 'w1'), (New-Row -Id 'w2'), (New-Row -Id 'w3'))
            $out = Split-Output (Invoke-NewModel $rows -Options @{ WhatIf = $true })

            $out.Results | Should -BeNullOrEmpty
            $out.Errors | Should -BeNullOrEmpty
            Get-EmulatorRequestCount | Should -Be 0
        }

        It 'says which model would be created from which dataset' {
            # What-if messages go to the host, not to a stream, so a child pwsh shows them on its standard output.
            $child = @'
param($Manifest, $Url, $AccessKey, $SecretKey, $DatasetArn)
Import-Module $Manifest -ErrorAction Stop
New-CRMLAudienceModel -Name 'what-if-model' -TrainingDatasetArn $DatasetArn -Region us-east-1 -EndpointUrl $Url `
    -AccessKey $AccessKey -SecretKey $SecretKey -WhatIf
'@
            $scriptPath = Join-Path $TestDrive 'whatif.ps1'
            Set-Content -LiteralPath $scriptPath -Value $child
            $pwsh = Get-PwshCommand
            $output = & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -OutputFormat Text -File $scriptPath `
                -Manifest $script:ModuleManifest -Url $script:Emulator.Url -AccessKey $script:EmulatorAccessKey `
                -SecretKey $script:EmulatorSecretKey -DatasetArn $script:DatasetArn 2>&1 | Out-String

            $output | Should -Match 'What if:'
            $output | Should -Match 'what-if-model'
            $output | Should -Match ([regex]::Escape($script:DatasetArn))
            Get-EmulatorRequestCount | Should -Be 0
        }
    }

    Describe 'N rows in, N results plus errors out' {
        BeforeAll {
            $unknownDataset = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/no-such-dataset'
            $script:BulkRows = ConvertTo-CsvRows -FileName 'bulk.csv' @(
                New-Row -Id '1'
                New-Row -Id '2' @{ Name = '' }                                   # no name: rejected by validation
                New-Row -Id '3' @{ Tags = 'team=ml' }
                New-Row -Id '4' @{ TrainingDatasetArn = $unknownDataset }        # the service answers 404
                New-Row -Id '5' @{ Description = 'five' }
                New-Row -Id '6' @{ Tags = 'aws:owner=me' }                       # reserved tag key
                New-Row -Id '7' @{ TrainingDataStartTime = '2024-01-01'; TrainingDataEndTime = '2024-02-01' }
                New-Row -Id '8' @{ KmsKeyArn = $script:KmsKeyArn }
                New-Row -Id '9'
            )
        }

        It 'gives one result or one error per row, each error targeting its row' {
            $output = @(Invoke-NewModel $script:BulkRows)
            $out = Split-Output $output

            $output.Count | Should -Be 9
            $out.Results.Count | Should -Be 6
            $out.Errors.Count | Should -Be 3
            @($out.Errors.TargetObject.Id | Sort-Object) | Should -Be @('2', '4', '6')
        }

        It 'with -ThrottleLimit 1, writes every outcome in row order, the binder''s errors included' {
            $output = @(Invoke-NewModel $script:BulkRows -Options @{ ThrottleLimit = 1 })

            $order = foreach ($item in $output) {
                if ($item -is [Management.Automation.ErrorRecord]) { $item.TargetObject.Id } else { $item.Name -replace '^model-' }
            }
            @($order) | Should -Be @('1', '2', '3', '4', '5', '6', '7', '8', '9')
        }

        It 'with requests overlapping, writes results and the service''s errors in row order' {
            # Rows 2 and 6 are rejected by the parameter binder, which writes its error at once; the others
            # are answered by the service, slowly enough for rows to overlap, and keep the order of the rows.
            $null = Set-EmulatorFaults @{ latencyMs = 100 }
            $output = @(Invoke-NewModel $script:BulkRows)
            (Invoke-EmulatorControl 'requests').maxInFlight | Should -BeGreaterThan 1

            $order = foreach ($item in $output) {
                if ($item -isnot [Management.Automation.ErrorRecord]) { $item.Name -replace '^model-' }
                elseif ($item.TargetObject.Id -eq '4') { '4' }
            }
            @($order) | Should -Be @('1', '3', '4', '5', '7', '8', '9')
        }

        It 'keeps going after a failed row: the rows after each failure are created' {
            $out = Split-Output (Invoke-NewModel $script:BulkRows)

            @($out.Results.Name) | Should -Be @('model-1', 'model-3', 'model-5', 'model-7', 'model-8', 'model-9')
            $out.Results | ForEach-Object { $_.AudienceModelArn | Should -Match $script:AudienceModelArnPattern }
        }

        It 'sends only the rows that passed validation' {
            $null = Invoke-NewModel $script:BulkRows

            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 7
        }

        It 'reports the unknown dataset as ResourceNotFoundException on its row' {
            $out = Split-Output (Invoke-NewModel $script:BulkRows)
            $notFound = $out.Errors | Where-Object { $_.TargetObject.Id -eq '4' }

            $notFound.FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        }
    }

    Describe 'Service errors' {
        It 'surfaces <Code> (HTTP <Status>) as category <Category> with a one-line message' -ForEach @(
            @{
                Code = 'ConflictException'; Status = 409; Category = 'ResourceExists'; Message = 'An audience model with this name is being created.'
                Faults = @{ script = @(@{ status = 409; errorType = 'ConflictException'; message = 'An audience model with this name is being created.' }) }
                Row = @{}; Options = @{}
            }
            @{
                Code = 'ValidationException'; Status = 400; Category = 'InvalidArgument'; Message = 'The service did not like the name.'
                Faults = @{ script = @(@{ status = 400; errorType = 'ValidationException'; message = 'The service did not like the name.' }) }
                Row = @{}; Options = @{}
            }
            @{
                Code = 'ResourceNotFoundException'; Status = 404; Category = 'ObjectNotFound'; Message = 'training-dataset/no-such-dataset was not found'
                Faults = $null
                Row = @{ TrainingDatasetArn = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/no-such-dataset' }; Options = @{}
            }
            @{
                Code = 'ServiceQuotaExceededException'; Status = 402; Category = 'QuotaExceeded'; Message = 'quota of 0 audience models'
                Faults = @{ maxAudienceModels = 0 }
                Row = @{}; Options = @{}
            }
            @{
                Code = 'InvalidSignatureException'; Status = 403; Category = 'PermissionDenied'; Message = 'signature we calculated does not match'
                Faults = $null
                Row = @{}; Options = @{ SecretKey = 'wrongSecretKey/NOT0THE0RIGHT0ONE000000000' }
            }
            @{
                Code = 'UnrecognizedClientException'; Status = 403; Category = 'PermissionDenied'; Message = 'security token included in the request is invalid'
                Faults = $null
                Row = @{}; Options = @{ AccessKey = 'AKIAUNKNOWN000000000' }
            }
            @{
                Code = 'InternalServiceException'; Status = 500; Category = 'ResourceUnavailable'; Message = 'Something broke inside.'
                Faults = @{ script = @(1..5 | ForEach-Object { @{ status = 500; errorType = 'InternalServiceException'; message = 'Something broke inside.' } }) }
                Row = @{}; Options = @{}
            }
        ) {
            if ($Faults) { $null = Set-EmulatorFaults $Faults }
            $rows = ConvertTo-CsvRows @(New-Row $Row -Id 'svc-row')
            $aws = $script:Aws.Clone()
            foreach ($key in $Options.Keys) { $aws[$key] = $Options[$key] }

            $out = Split-Output ($rows | New-CRMLAudienceModel @aws 2>&1)

            $out.Results | Should -BeNullOrEmpty
            $out.Errors.Count | Should -Be 1
            $record = $out.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike "$Code,*"
            $record.CategoryInfo.Category | Should -Be $Category
            $record.TargetObject.Id | Should -BeExactly 'svc-row'
            $message = $record.ToString()
            $message | Should -Not -Match '[\r\n]'
            $message | Should -Match "HTTP $Status\b"
            # The create's own request id (after a 402 the cmdlet also lists the region's models to tell full slots).
            $create = Get-EmulatorRecentRequests | Where-Object operation -eq 'CreateAudienceModel' | Select-Object -Last 1
            $message | Should -Match ([regex]::Escape($create.requestId))
            $message | Should -Match ([regex]::Escape($Message))
        }
    }

    Describe 'Throttling and retries' {
        It 'retries 429 ThrottlingException: two throttles then success create the row, -Verbose shows 3 attempts' {
            Set-EmulatorFaults @{ script = New-FaultScript 429 'ThrottlingException' 'Rate exceeded' -Count 2 }
            $rows = ConvertTo-CsvRows @(New-Row -Id 'retry')

            $output = @($rows | New-CRMLAudienceModel @script:Aws -Verbose 4>&1 2>&1)
            $out = Split-Output ($output | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] })
            $attempts = @($output | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match '^POST ' })

            $out.Errors | Should -BeNullOrEmpty
            $out.Results.Count | Should -Be 1
            $attempts.Count | Should -Be 3
            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 3
        }

        It 'gives up on a ThrottlingException that does not end, after the retries' {
            Set-EmulatorFaults @{ script = New-FaultScript 429 'ThrottlingException' 'Rate exceeded' -Count 5 }
            $rows = ConvertTo-CsvRows @(New-Row -Id 'throttled')

            $out = Split-Output (Invoke-NewModel $rows)

            $out.Results | Should -BeNullOrEmpty
            $out.Errors.Count | Should -Be 1
            $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ThrottlingException,*'
            $out.Errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $out.Errors[0].ToString() | Should -Match 'HTTP 429'
            # The standard retry mode's default: 3 attempts in all.
            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 3
        }

        It 'does not retry a 400 ValidationException' {
            Set-EmulatorFaults @{ script = New-FaultScript 400 'ValidationException' 'No.' }
            $rows = ConvertTo-CsvRows @(New-Row -Id 'no-retry')

            $out = Split-Output (Invoke-NewModel $rows)

            $out.Errors.Count | Should -Be 1
            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 1
        }
    }

    Describe 'Overlapping requests' {
        BeforeAll {
            # Row 1 is written while rows 2-5 (the default -ThrottleLimit of 4) are in flight: when the pipeline
            # ends there, those are abandoned, and the rows after them are never sent.
            $script:RowsInFlightWithRowOne = @(1..5 | ForEach-Object { "model-o$_" })

            function Get-CreateRequestNames {
                Get-EmulatorRecentRequests | Where-Object operation -eq 'CreateAudienceModel' | ForEach-Object { ($_.body | ConvertFrom-Json).name }
            }
        }

        BeforeEach {
            # Each request takes long enough for the next rows to be sent while it is in flight.
            $null = Set-EmulatorFaults @{ latencyMs = 150 }
            $script:EightRows = ConvertTo-CsvRows @(1..8 | ForEach-Object { New-Row -Id "o$_" })
        }

        It 'has up to <Expected> requests in flight with <Label>, and writes the results in row order' -ForEach @(
            @{ Label = 'the default'; Options = @{}; Expected = 4 }
            @{ Label = '-ThrottleLimit 2'; Options = @{ ThrottleLimit = 2 }; Expected = 2 }
            @{ Label = '-ThrottleLimit 1'; Options = @{ ThrottleLimit = 1 }; Expected = 1 }
            @{ Label = '-ErrorAction Stop'; Options = @{ ErrorAction = 'Stop' }; Expected = 1 }
            @{ Label = '-ErrorAction Inquire'; Options = @{ ErrorAction = 'Inquire' }; Expected = 1 }
            @{ Label = '-ErrorAction SilentlyContinue'; Options = @{ ErrorAction = 'SilentlyContinue' }; Expected = 4 }
            @{ Label = '-Confirm:$false'; Options = @{ Confirm = $false }; Expected = 4 }
        ) {
            $out = Split-Output (Invoke-NewModel $script:EightRows -Options $Options)

            $out.Errors | Should -BeNullOrEmpty
            @($out.Results.Name) | Should -Be @(1..8 | ForEach-Object { "model-o$_" })
            (Invoke-EmulatorControl 'requests').maxInFlight | Should -Be $Expected
        }

        It 'writes the outcomes in row order even when later rows end first' {
            # Each request takes 150 ms; the rows without a region, and the one with its training window
            # backwards, fail at once in the cmdlet, while the rows before them are still in flight.
            $rows = ConvertTo-CsvRows @(
                New-Row -Id 'a' @{ Region = 'us-east-1' }
                New-Row -Id 'b' @{ Region = '' }
                New-Row -Id 'c' @{ Region = 'us-east-1' }
                New-Row -Id 'd' @{ Region = 'us-east-1'; TrainingDataStartTime = '2024-05-01'; TrainingDataEndTime = '2024-01-01' }
                New-Row -Id 'e' @{ Region = '' }
                New-Row -Id 'f' @{ Region = 'us-east-1' })

            $output = @(Invoke-NewModel $rows -NoRegion)

            $order = foreach ($item in $output) {
                if ($item -is [Management.Automation.ErrorRecord]) { "$($item.TargetObject.Id):$($item.FullyQualifiedErrorId -replace ',.*')" }
                else { $item.Name -replace '^model-' }
            }
            @($order) | Should -Be @('a', 'b:MissingRegion', 'c', 'd:InvalidAudienceModelDefinition', 'e:MissingRegion', 'f')
            (Invoke-EmulatorControl 'requests').maxInFlight | Should -BeGreaterThan 1
        }

        It 'writes the outcomes in row order when the first rows are throttled, retried and end last' {
            # The first two requests to arrive are answered 429 at once and retried after a back-off, so the
            # rows they belong to end after the rows sent behind them.
            $null = Set-EmulatorFaults @{ script = New-FaultScript 429 'ThrottlingException' 'Rate exceeded' -Count 2 }

            $out = Split-Output (Invoke-NewModel $script:EightRows[0..3])

            $out.Errors | Should -BeNullOrEmpty
            @($out.Results.Name) | Should -Be @('model-o1', 'model-o2', 'model-o3', 'model-o4')
            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 6
            (Invoke-EmulatorControl 'requests').maxInFlight | Should -BeGreaterThan 1
        }

        It 'stops sending rows when Select-Object -First 1 has the first result' {
            $first = @($script:EightRows | New-CRMLAudienceModel @script:Aws | Select-Object -First 1)

            $first.Name | Should -Be @('model-o1')
            $sent = @(Get-CreateRequestNames)
            $sent | Should -Contain 'model-o1'
            $sent | ForEach-Object { $_ | Should -BeIn $script:RowsInFlightWithRowOne }
        }

        It 'stops sending rows when a command after it throws on the first result' {
            { $script:EightRows | New-CRMLAudienceModel @script:Aws | ForEach-Object { throw "downstream failed on $($_.Name)" } } |
                Should -Throw 'downstream failed on model-o1'

            $sent = @(Get-CreateRequestNames)
            $sent | Should -Contain 'model-o1'
            $sent | ForEach-Object { $_ | Should -BeIn $script:RowsInFlightWithRowOne }
        }

        It 'sends one row at a time when $ErrorActionPreference is Stop' {
            $ErrorActionPreference = 'Stop'
            $null = $script:EightRows | New-CRMLAudienceModel @script:Aws

            (Invoke-EmulatorControl 'requests').maxInFlight | Should -Be 1
        }

        It 'sends one row at a time with -Confirm (answered "Yes to All" by a user at the prompt)' {
            $scriptPath = Join-Path $TestDrive 'confirm.ps1'
            Set-Content -LiteralPath $scriptPath -Value @"
Import-Module '$($script:ModuleManifest)'
`$rows = Import-Csv -LiteralPath '$(Join-Path $TestDrive 'confirm.csv')'
`$rows | New-CRMLAudienceModel -EndpointUrl '$($script:Emulator.Url)' -Region us-east-1 -AccessKey '$($script:EmulatorAccessKey)' -SecretKey '$($script:EmulatorSecretKey)' -Confirm | ForEach-Object Name
"@
            $script:EightRows[0..3] | Export-Csv -LiteralPath (Join-Path $TestDrive 'confirm.csv') -NoTypeInformation
            $pwsh = Get-PwshCommand

            $names = @('A' | & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -File $scriptPath | Where-Object { $_ -like 'model-*' })

            $names | Should -Be @('model-o1', 'model-o2', 'model-o3', 'model-o4')
            (Invoke-EmulatorControl 'requests').maxInFlight | Should -Be 1
        }

        It 'does not hang when the pipeline thread has a synchronization context that never runs posted work' {
            # A host such as a GUI can give its pipeline thread a synchronization context; the request must not
            # need that thread, which is busy waiting for the answer.
            $scriptPath = Join-Path $TestDrive 'context.ps1'
            Set-Content -LiteralPath $scriptPath -Value @"
class NeverRunsContext : System.Threading.SynchronizationContext {
    [void] Post([System.Threading.SendOrPostCallback] `$callback, [object] `$state) { }
}
Import-Module '$($script:ModuleManifest)'
[System.Threading.SynchronizationContext]::SetSynchronizationContext([NeverRunsContext]::new())
`$rows = Import-Csv -LiteralPath '$(Join-Path $TestDrive 'context.csv')'
`$rows | New-CRMLAudienceModel -EndpointUrl '$($script:Emulator.Url)' -Region us-east-1 -AccessKey '$($script:EmulatorAccessKey)' -SecretKey '$($script:EmulatorSecretKey)' | ForEach-Object Name
"@
            $script:EightRows[0..1] | Export-Csv -LiteralPath (Join-Path $TestDrive 'context.csv') -NoTypeInformation
            $pwsh = Get-PwshCommand
            $start = [Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
            foreach ($argument in @($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-File', $scriptPath)) { $start.ArgumentList.Add($argument) }
            $start.RedirectStandardOutput = $true
            $process = [Diagnostics.Process]::Start($start)
            try {
                $output = $process.StandardOutput.ReadToEndAsync()
                # Functional bound, not a benchmark: two requests of 150 ms each, or a hang.
                $process.WaitForExit(60000) | Should -BeTrue -Because 'a request waiting for the busy pipeline thread would never end'
                @($output.Result -split '\r?\n' | Where-Object { $_ -like 'model-*' }) | Should -Be @('model-o1', 'model-o2')
            }
            finally {
                if (-not $process.HasExited) { $process.Kill($true) }
                $process.Dispose()
            }
        }

        It 'names the row in each attempt it reports on the verbose stream' {
            $output = @($script:EightRows[0..1] | New-CRMLAudienceModel @script:Aws -Verbose 4>&1)
            $attempts = @($output | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match '^POST ' } | ForEach-Object Message)

            # The two rows are sent at once, so their lines may come in either order.
            @($attempts | Sort-Object) | Should -Be @(
                "POST $($script:Emulator.Url)/audience-model (audience model 'model-o1')"
                "POST $($script:Emulator.Url)/audience-model (audience model 'model-o2')")
        }

        It 'refuses -ThrottleLimit <Value>, naming the parameter, before anything is sent' -ForEach @(
            @{ Value = 0 }, @{ Value = 17 }
        ) {
            { $script:EightRows | New-CRMLAudienceModel @script:Aws -ThrottleLimit $Value -ErrorAction Stop } |
                Should -Throw -ExpectedMessage "*'ThrottleLimit'*"
            Get-EmulatorRequestCount | Should -Be 0
        }
    }

    Describe '-ErrorAction Stop' {
        It 'stops at the first row the service rejects; later rows are not sent' {
            $rows = ConvertTo-CsvRows @(
                New-Row -Id 's1'
                New-Row -Id 's2' @{ TrainingDatasetArn = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/no-such-dataset' }
                New-Row -Id 's3')
            $results = [Collections.Generic.List[object]]::new()
            $caught = $null
            try {
                $rows | New-CRMLAudienceModel @script:Aws -ErrorAction Stop | ForEach-Object { $results.Add($_) }
            } catch {
                $caught = $_
            }

            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
            @($results.Name) | Should -Be @('model-s1')
            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 2
        }

        It 'stops at the first row that fails validation; later rows are not sent' {
            $rows = ConvertTo-CsvRows @(
                New-Row -Id 'v1'
                New-Row -Id 'v2' @{ Name = 'n' * 64 }
                New-Row -Id 'v3')
            $results = [Collections.Generic.List[object]]::new()
            $caught = $null
            try {
                $rows | New-CRMLAudienceModel @script:Aws -ErrorAction Stop | ForEach-Object { $results.Add($_) }
            } catch {
                $caught = $_
            }

            $caught | Should -Not -BeNullOrEmpty
            $caught.ToString() | Should -Match "'Name'"
            @($results.Name) | Should -Be @('model-v1')
            Get-EmulatorRequestCount -Operation CreateAudienceModel | Should -Be 1
        }
    }

    Describe 'Dates and time zones' {
        It 'sends the same wire values under de-DE and en-US' {
            $wire = @{}
            $previous = [cultureinfo]::CurrentCulture
            try {
                foreach ($culture in 'de-DE', 'en-US') {
                    [cultureinfo]::CurrentCulture = $culture
                    # From a CSV string...
                    $rows = ConvertTo-CsvRows @(New-Row @{ TrainingDataStartTime = '2024-03-01T10:00:00'; TrainingDataEndTime = '2024-03-05T18:30:00' })
                    $null = Invoke-NewModel $rows
                    $csvBody = Get-EmulatorLastBody
                    # ...and from direct arguments: a string and a [datetime] built with Get-Date.
                    $end = Get-Date -Year 2024 -Month 3 -Day 2 -Hour 10 -Minute 0 -Second 0 -Millisecond 0
                    $null = New-CRMLAudienceModel "dates-$culture" -TrainingDatasetArn $script:DatasetArn @script:Aws `
                        -TrainingDataStartTime '2024-03-01T10:00:00' -TrainingDataEndTime $end 2>&1
                    $directBody = Get-EmulatorLastBody
                    $wire[$culture] = @($csvBody.trainingDataStartTime, $csvBody.trainingDataEndTime,
                        $directBody.trainingDataStartTime, $directBody.trainingDataEndTime)
                }
            } finally {
                [cultureinfo]::CurrentCulture = $previous
            }

            $expectedEnd = (Get-Date -Year 2024 -Month 3 -Day 2 -Hour 10 -Minute 0 -Second 0 -Millisecond 0).ToUniversalTime().ToString(
                "yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture)
            $wire['de-DE'] | Should -Be $wire['en-US']
            $wire['en-US'] | Should -Be @('2024-03-01T10:00:00Z', '2024-03-05T18:30:00Z', '2024-03-01T10:00:00Z', $expectedEnd)
        }

        It 'sends a DateTimeOffset with +02:00 converted to UTC' {
            $start = [DateTimeOffset]::new(2024, 3, 1, 12, 0, 0, [TimeSpan]::FromHours(2))
            $out = Split-Output (New-CRMLAudienceModel 'offset' -TrainingDatasetArn $script:DatasetArn @script:Aws -TrainingDataStartTime $start 2>&1)

            $out.Errors | Should -BeNullOrEmpty
            (Get-EmulatorLastBody).trainingDataStartTime | Should -BeExactly '2024-03-01T10:00:00Z'
        }

        It 'sends a CSV time with a +02:00 offset converted to UTC' {
            $rows = ConvertTo-CsvRows @(New-Row @{ TrainingDataStartTime = '2024-03-01T12:00:00+02:00' })
            $out = Split-Output (Invoke-NewModel $rows)

            $out.Errors | Should -BeNullOrEmpty
            (Get-EmulatorLastBody).trainingDataStartTime | Should -BeExactly '2024-03-01T10:00:00Z'
        }

        It 'treats a [datetime] of unspecified kind as UTC' {
            $start = [datetime]::new(2024, 3, 1, 10, 0, 0, [DateTimeKind]::Unspecified)
            $out = Split-Output (New-CRMLAudienceModel 'unspecified' -TrainingDatasetArn $script:DatasetArn @script:Aws -TrainingDataStartTime $start 2>&1)

            $out.Errors | Should -BeNullOrEmpty
            (Get-EmulatorLastBody).trainingDataStartTime | Should -BeExactly '2024-03-01T10:00:00Z'
        }
    }

    Describe 'The result object' {
        BeforeAll {
            Reset-Emulator
            $rows = ConvertTo-CsvRows @(New-Row -Id 'result' @{
                    Description = 'Result under test'; KmsKeyArn = $script:KmsKeyArn; Tags = 'team=ml;env=test'
                    TrainingDataStartTime = '2024-01-01T00:00:00Z'; TrainingDataEndTime = '2024-02-01T12:00:00+02:00'
                })
            $script:Result = @(Invoke-NewModel $rows)
            $script:ResultRequestId = (Get-EmulatorLastRequest).requestId
        }

        It 'is one AudienceModel object' {
            $script:Result.Count | Should -Be 1
            $script:Result[0] | Should -BeOfType ([CleanRoomsML.PowerShell.Output.AudienceModel])
        }

        It 'has an AudienceModelArn matching the audience model ARN pattern' {
            $script:Result[0].AudienceModelArn | Should -Match $script:AudienceModelArnPattern
            $script:Result[0].AudienceModelArn | Should -Match ':us-east-1:123456789012:'
        }

        It 'echoes the definition: Name, TrainingDatasetArn, Description, KmsKeyArn, Tags, Region' {
            $r = $script:Result[0]
            $r.Name | Should -BeExactly 'model-result'
            $r.TrainingDatasetArn | Should -BeExactly $script:DatasetArn
            $r.Description | Should -BeExactly 'Result under test'
            $r.KmsKeyArn | Should -BeExactly $script:KmsKeyArn
            $r.Tags | Should -BeOfType ([hashtable])
            Get-TagText $r.Tags | Should -BeExactly 'env=test;team=ml'
            $r.Region | Should -BeExactly 'us-east-1'
        }

        It 'gives the training window as UTC DateTimes' {
            $r = $script:Result[0]
            $r.TrainingDataStartTime | Should -Be ([datetime]::new(2024, 1, 1, 0, 0, 0, [DateTimeKind]::Utc))
            $r.TrainingDataStartTime.Kind | Should -Be 'Utc'
            $r.TrainingDataEndTime | Should -Be ([datetime]::new(2024, 2, 1, 10, 0, 0, [DateTimeKind]::Utc))
            $r.TrainingDataEndTime.Kind | Should -Be 'Utc'
        }

        It 'carries the request id the service answered with' {
            $script:Result[0].RequestId | Should -Not -BeNullOrEmpty
            $script:Result[0].RequestId | Should -BeExactly $script:ResultRequestId
        }

        It 'is its ARN in a string context' {
            "$($script:Result[0])" | Should -BeExactly $script:Result[0].AudienceModelArn
        }

        It 'formats as the module''s table view by default' {
            Get-FormatData CleanRoomsML.PowerShell.Output.AudienceModel | Should -Not -BeNullOrEmpty
            $text = $script:Result[0] | Out-String -Width 400
            # TrainingWindow is a column of the module's view, not a property: only the format file makes it.
            $text | Should -Match '\bName\b.*\bRegion\b.*\bTrainingWindow\b.*\bAudienceModelArn\b'
            $text | Should -Match '2024-01-01 \.\. 2024-02-01'
            ($script:Result[0] | Format-Table | Out-String -Width 400) | Should -Match 'TrainingWindow'
        }
    }

    Describe 'Regions from a Region column' {
        It 'creates each row''s model in the row''s region' {
            $rows = ConvertTo-CsvRows @(
                New-Row -Id 'east' @{ Region = 'us-east-1'; TrainingDatasetArn = (Get-DemoDatasetArn 'us-east-1') }
                New-Row -Id 'west' @{ Region = 'eu-west-1'; TrainingDatasetArn = (Get-DemoDatasetArn 'eu-west-1') }
                New-Row -Id 'east2' @{ Region = 'us-east-1'; TrainingDatasetArn = (Get-DemoDatasetArn 'us-east-1') })
            $out = Split-Output (Invoke-NewModel $rows -NoRegion)

            $out.Errors | Should -BeNullOrEmpty
            @($out.Results.Region) | Should -Be @('us-east-1', 'eu-west-1', 'us-east-1')
            $out.Results[0].AudienceModelArn | Should -Match '^arn:aws:cleanrooms-ml:us-east-1:'
            $out.Results[1].AudienceModelArn | Should -Match '^arn:aws:cleanrooms-ml:eu-west-1:'
            $out.Results[2].AudienceModelArn | Should -Match '^arn:aws:cleanrooms-ml:us-east-1:'
            # Rows overlap, so the requests may arrive in any order: pair each with the region it was signed for.
            $scopes = @{}
            foreach ($request in Get-EmulatorRecentRequests) {
                $scopes[($request.body | ConvertFrom-Json).name] = ($request.headers.authorization -split '/')[2]
            }
            $scopes.Count | Should -Be 3
            $scopes['model-east'] | Should -Be 'us-east-1'
            $scopes['model-west'] | Should -Be 'eu-west-1'
            $scopes['model-east2'] | Should -Be 'us-east-1'
        }

        It 'opens one connection per region for the whole pipeline, not one per row' {
            $rows = ConvertTo-CsvRows @(
                foreach ($i in 1..3) {
                    New-Row -Id "e$i" @{ Region = 'us-east-1'; TrainingDatasetArn = (Get-DemoDatasetArn 'us-east-1') }
                    New-Row -Id "w$i" @{ Region = 'eu-west-1'; TrainingDatasetArn = (Get-DemoDatasetArn 'eu-west-1') }
                })
            $output = @($rows | New-CRMLAudienceModel @script:AwsNoRegion -Verbose 4>&1 2>&1)
            # The cmdlet tells, once, each connection it opens: 'Clean Rooms ML in <region> at <endpoint> ...'.
            $opened = @($output | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match '^Clean Rooms ML in ' })

            @($output | Where-Object { $_ -is [CleanRoomsML.PowerShell.Output.AudienceModel] }).Count | Should -Be 6
            @($opened.Message -replace '^Clean Rooms ML in (\S+) .*$', '$1') | Should -Be @('us-east-1', 'eu-west-1')
        }
    }

    Describe 'Secrets' {
        It '-Verbose shows the endpoint and the region, never the secret key' {
            $verbose = New-CRMLAudienceModel 'verbose' -TrainingDatasetArn $script:DatasetArn @script:Aws -Verbose 4>&1 |
                Where-Object { $_ -is [Management.Automation.VerboseRecord] } | Out-String

            $verbose | Should -Match ([regex]::Escape($script:Emulator.Url))
            $verbose | Should -Match 'us-east-1'
            $verbose | Should -Not -Match ([regex]::Escape($script:EmulatorSecretKey))
        }

        It '-Verbose never shows the secret key of a -Credential' {
            $credential = [pscredential]::new($script:EmulatorAccessKey, (ConvertTo-SecureString $script:EmulatorSecretKey -AsPlainText -Force))
            $output = @(New-CRMLAudienceModel 'credential' -TrainingDatasetArn $script:DatasetArn -Region us-east-1 `
                    -EndpointUrl $script:Emulator.Url -Credential $credential -Verbose 4>&1 2>&1)

            @($output | Where-Object { $_ -is [CleanRoomsML.PowerShell.Output.AudienceModel] }).Count | Should -Be 1
            ($output | Out-String) | Should -Not -Match ([regex]::Escape($script:EmulatorSecretKey))
        }

        It 'error records never contain the secret key (<Case>)' -ForEach @(
            @{ Case = 'wrong secret'; SecretKey = 'wrongSecretKey/DoNotShowThisAnywhere00000'; Dataset = $null }
            @{ Case = 'service error with the right secret'; SecretKey = 'emulatorSecretKey/EXAMPLE0000000000000000'; Dataset = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/no-such-dataset' }
        ) {
            $aws = $script:Aws.Clone()
            $aws.SecretKey = $SecretKey
            $dataset = if ($Dataset) { $Dataset } else { $script:DatasetArn }
            $output = @(New-CRMLAudienceModel 'secret-check' -TrainingDatasetArn $dataset @aws -Verbose 4>&1 2>&1)
            $record = @($output | Where-Object { $_ -is [Management.Automation.ErrorRecord] })

            $record.Count | Should -Be 1
            # Everything a user sees or logs of the record: its text, all its properties, the exception chain.
            # (InvocationInfo.BoundParameters is PowerShell's own copy of the arguments, left out on purpose.)
            $everything = @(
                $record[0].ToString()
                $record[0] | Format-List * -Force | Out-String
                $record[0].Exception.ToString()
                $record[0].CategoryInfo.ToString()
                $record[0].ErrorDetails | Format-List * -Force | Out-String
                $output | Out-String
            ) -join "`n"
            $everything | Should -Not -Match ([regex]::Escape($SecretKey))
        }
    }
}
