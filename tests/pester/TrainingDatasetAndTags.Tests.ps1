#Requires -Version 7.2
# New-, Get-, Remove-CRMLTrainingDataset and Add-, Get-, Remove-CRMLResourceTag against the local emulator,
# over real HTTP with SigV4.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $null = Start-TestEmulator

    $script:Aws = $script:EmulatorArgs
    $script:RoleArn = 'arn:aws:iam::123456789012:role/CleanRoomsMLReader'
    $script:DatasetArnPattern = '^arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/[-a-zA-Z0-9_/.]+$'

    # A valid set of New-CRMLTrainingDataset parameters; $Values replaces or adds to them.
    function New-DatasetArgs {
        param([hashtable] $Values = @{})
        $arguments = @{
            Name         = "ds-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
            RoleArn      = $script:RoleArn
            DatabaseName = 'sales'
            TableName    = 'interactions'
            Column       = [ordered]@{ user_id = 'USER_ID'; item_id = 'ITEM_ID'; ts = 'TIMESTAMP' }
        }
        foreach ($key in $Values.Keys) { $arguments[$key] = $Values[$key] }
        $arguments
    }

    function New-TestDataset {
        param([hashtable] $Values = @{})
        $arguments = New-DatasetArgs $Values
        New-CRMLTrainingDataset @arguments @script:Aws -ErrorAction Stop
    }

    function Get-TagText([System.Collections.IDictionary] $Tags) {
        @($Tags.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" } | Sort-Object) -join ';'
    }
}

AfterAll {
    Stop-TestEmulator
    Restore-TestEnvironment
}

Describe 'New-CRMLTrainingDataset' {
    BeforeEach { Reset-Emulator }

    It 'sends exactly the request of SPEC 4.5 from parameters' {
        $arguments = New-DatasetArgs @{
            Name = 'orders-2024'; CatalogId = '210987654321'; Description = 'Orders of 2024'; Tag = @{ team = 'ml'; env = 'test' }
        }
        $result = New-CRMLTrainingDataset @arguments @script:Aws -ErrorAction Stop

        $request = Get-EmulatorLastRequest
        $request.method | Should -Be 'POST'
        $request.path | Should -Be '/training-dataset'
        $body = Get-EmulatorLastBody
        @($body.Keys | Sort-Object) | Should -Be @('description', 'name', 'roleArn', 'tags', 'trainingData')
        $body.name | Should -BeExactly 'orders-2024'
        $body.roleArn | Should -BeExactly $script:RoleArn
        $body.description | Should -BeExactly 'Orders of 2024'
        Get-TagText $body.tags | Should -BeExactly 'env=test;team=ml'
        $body.trainingData.Count | Should -Be 1
        $dataset = $body.trainingData[0]
        @($dataset.Keys | Sort-Object) | Should -Be @('inputConfig', 'type')
        $dataset.type | Should -BeExactly 'INTERACTIONS'
        @($dataset.inputConfig.Keys | Sort-Object) | Should -Be @('dataSource', 'schema')
        @($dataset.inputConfig.dataSource.Keys) | Should -Be @('glueDataSource')
        $glue = $dataset.inputConfig.dataSource.glueDataSource
        @($glue.Keys | Sort-Object) | Should -Be @('catalogId', 'databaseName', 'tableName')
        $glue.databaseName | Should -BeExactly 'sales'
        $glue.tableName | Should -BeExactly 'interactions'
        $glue.catalogId | Should -BeExactly '210987654321'
        $schema = @($dataset.inputConfig.schema)
        @($schema | ForEach-Object { $_.columnName }) | Should -Be @('user_id', 'item_id', 'ts')
        foreach ($column in $schema) {
            @($column.Keys | Sort-Object) | Should -Be @('columnName', 'columnTypes')
            @($column.columnTypes).Count | Should -Be 1
        }
        @($schema | ForEach-Object { $_.columnTypes[0] }) | Should -Be @('USER_ID', 'ITEM_ID', 'TIMESTAMP')

        $result.TrainingDatasetArn | Should -Match $script:DatasetArnPattern
        $result.Name | Should -BeExactly 'orders-2024'
        $result.RequestId | Should -Be $request.requestId
    }

    It 'sends only the required members when the optional ones are not given' {
        $null = New-TestDataset
        $body = Get-EmulatorLastBody
        @($body.Keys | Sort-Object) | Should -Be @('name', 'roleArn', 'trainingData')
        @($body.trainingData[0].inputConfig.dataSource.glueDataSource.Keys | Sort-Object) | Should -Be @('databaseName', 'tableName')
    }

    It 'creates from a CSV row, columns written name=TYPE;name2=TYPE2 in any letter case, blank cells not sent' {
        $path = Join-Path $TestDrive 'datasets.csv'
        Set-Content -LiteralPath $path -Encoding utf8 -Value @(
            'name,roleArn,databaseName,tableName,catalogId,columns,description,tags'
            "from-csv,$($script:RoleArn),sales,clicks,,user_id=user_id;item_id=Item_Id;ts=timestamp;price=NUMERICAL_FEATURE,,team=ml;env=test"
        )
        $out = Split-Output (Import-Csv -LiteralPath $path | New-CRMLTrainingDataset @script:Aws 2>&1)

        $out.Errors | Should -BeNullOrEmpty
        $out.Results.Count | Should -Be 1
        $body = Get-EmulatorLastBody
        @($body.Keys | Sort-Object) | Should -Be @('name', 'roleArn', 'tags', 'trainingData')
        $schema = @($body.trainingData[0].inputConfig.schema)
        @($schema | ForEach-Object { "$($_.columnName)=$($_.columnTypes[0])" }) -join ';' |
            Should -BeExactly 'user_id=USER_ID;item_id=ITEM_ID;ts=TIMESTAMP;price=NUMERICAL_FEATURE'
        Get-TagText $body.tags | Should -BeExactly 'env=test;team=ml'
    }

    It 'takes columns as a JSON object in a CSV cell' {
        $rows = ConvertTo-CsvRows @([ordered]@{ Name = 'json-cols'; RoleArn = $script:RoleArn; DatabaseName = 'db'; TableName = 't'; Column = '{"u":"USER_ID","i":"item_id"}' })
        $out = Split-Output ($rows | New-CRMLTrainingDataset @script:Aws 2>&1)
        $out.Errors | Should -BeNullOrEmpty
        @((Get-EmulatorLastBody).trainingData[0].inputConfig.schema | ForEach-Object { "$($_.columnName)=$($_.columnTypes[0])" }) -join ';' |
            Should -BeExactly 'u=USER_ID;i=ITEM_ID'
    }

    It 'writes the created dataset: the ARN, the input fields, the region and the request id' {
        $result = New-TestDataset @{ Name = 'echo'; Description = 'd'; Tag = 'k=v' }
        $result | Should -BeOfType ([CleanRoomsML.PowerShell.Output.TrainingDataset])
        $result.Name | Should -BeExactly 'echo'
        $result.RoleArn | Should -BeExactly $script:RoleArn
        $result.DatabaseName | Should -BeExactly 'sales'
        $result.TableName | Should -BeExactly 'interactions'
        $result.Description | Should -BeExactly 'd'
        @($result.Columns.Keys) | Should -Be @('user_id', 'item_id', 'ts')
        $result.Columns['ts'] | Should -BeExactly 'TIMESTAMP'
        $result.Tags['k'] | Should -BeExactly 'v'
        $result.Region | Should -Be 'us-east-1'
        "$result" | Should -BeExactly $result.TrainingDatasetArn
    }

    It 'formats as the module''s table view, columns as name=TYPE' {
        $text = New-TestDataset @{ Name = 'shown' } | Out-String -Width 300
        $text | Should -Match 'Name\s+Status\s+Source\s+Columns\s+TrainingDatasetArn'
        $text | Should -Match 'sales\.interactions'
        $text | Should -Match 'user_id=USER_ID;item_id=ITEM_ID;ts=TIMESTAMP'
    }

    It 'rejects <Case> before sending, naming -<Parameter>' -ForEach @(
        @{ Case = 'a 64-character name'; Values = @{ Name = 'n' * 64 }; Parameter = 'Name'; Detail = '\b64\b' }
        @{ Case = 'a blank name'; Values = @{ Name = '   ' }; Parameter = 'Name'; Detail = 'not blank' }
        @{ Case = 'a role ARN that is not a role'; Values = @{ RoleArn = 'arn:aws:iam::123456789012:user/alice' }; Parameter = 'RoleArn'; Detail = 'IAM role ARN' }
        @{ Case = 'a database name with a dot'; Values = @{ DatabaseName = 'sales.db' }; Parameter = 'DatabaseName'; Detail = 'Glue database name' }
        @{ Case = 'a 129-character table name'; Values = @{ TableName = 't' * 129 }; Parameter = 'TableName'; Detail = '\b129\b' }
        @{ Case = 'a catalog id of 11 digits'; Values = @{ CatalogId = '12345678901' }; Parameter = 'CatalogId'; Detail = 'exactly 12' }
        @{ Case = 'a catalog id with letters'; Values = @{ CatalogId = '12345678901x' }; Parameter = 'CatalogId'; Detail = '12 digits' }
        @{ Case = 'an unknown column type'; Values = @{ Column = 'user_id=USER_ID;when=DATE' }; Parameter = 'Column'; Detail = 'USER_ID, ITEM_ID, TIMESTAMP, CATEGORICAL_FEATURE, NUMERICAL_FEATURE' }
        @{ Case = 'a column name Glue refuses'; Values = @{ Column = @{ 'user--id' = 'USER_ID' } }; Parameter = 'Column'; Detail = 'column name' }
        @{ Case = 'a column without a name'; Values = @{ Column = '=USER_ID' }; Parameter = 'Column'; Detail = 'has no name' }
        @{ Case = 'a column named twice'; Values = @{ Column = 'a=USER_ID;a=ITEM_ID' }; Parameter = 'Column'; Detail = 'more than once' }
        @{ Case = 'no columns'; Values = @{ Column = @{} }; Parameter = 'Column'; Detail = '1 to 100 columns' }
        @{ Case = '101 columns'; Values = @{ Column = (1..101 | ForEach-Object { "c$_=NUMERICAL_FEATURE" }) -join ';' }; Parameter = 'Column'; Detail = '101 were given' }
        @{ Case = 'a 256-character description'; Values = @{ Description = 'd' * 256 }; Parameter = 'Description'; Detail = '\b256\b' }
        @{ Case = 'a tag key aws:team'; Values = @{ Tag = 'aws:team=ml' }; Parameter = 'Tag'; Detail = 'aws:' }
        @{ Case = '51 tags'; Values = @{ Tag = (1..51 | ForEach-Object { "k$_=v" }) -join ';' }; Parameter = 'Tag'; Detail = 'at most 50' }
    ) {
        $row = [pscustomobject](New-DatasetArgs ($Values + @{ Id = 'bad-row' }))
        $out = Split-Output ($row | New-CRMLTrainingDataset @script:Aws 2>&1)

        $out.Results | Should -BeNullOrEmpty
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].ToString() | Should -Match "'$Parameter'"
        $out.Errors[0].ToString() | Should -Match $Detail
        $out.Errors[0].TargetObject.Id | Should -BeExactly 'bad-row'
        Get-EmulatorRequestCount | Should -Be 0
    }

    It 'reports a CSV row without a Column cell as a missing -Column, sending nothing' {
        $rows = ConvertTo-CsvRows @([ordered]@{ Name = 'no-cols'; RoleArn = $script:RoleArn; DatabaseName = 'db'; TableName = 't'; Column = '' })
        $out = Split-Output ($rows | New-CRMLTrainingDataset @script:Aws 2>&1)
        $out.Results | Should -BeNullOrEmpty
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].ToString() | Should -Match 'Column'
        Get-EmulatorRequestCount | Should -Be 0
    }

    It '-WhatIf sends nothing and says what would be created from which table' {
        $arguments = New-DatasetArgs @{ Name = 'what-if' }
        $text = & (Get-PwshCommand).FilePath @((Get-PwshCommand).Prefix) -NoProfile -NonInteractive -Command "
            Import-Module '$($script:ModuleManifest)'
            New-CRMLTrainingDataset -Name what-if -RoleArn '$($script:RoleArn)' -DatabaseName sales -TableName interactions ``
                -Column 'u=USER_ID' -EndpointUrl '$($script:Emulator.Url)' -Region us-east-1 -WhatIf" 2>&1 | Out-String
        $text | Should -Match "What if: .*training dataset 'what-if' from Glue table sales\.interactions"
        $null = New-CRMLTrainingDataset @arguments @script:Aws -WhatIf
        Get-EmulatorRequestCount | Should -Be 0
    }

    It 'reports a second dataset of the same name as a ConflictException on its row' {
        $null = New-TestDataset @{ Name = 'twice' }
        $row = [pscustomobject](New-DatasetArgs @{ Name = 'twice'; Id = 'second' })
        $out = Split-Output ($row | New-CRMLTrainingDataset @script:Aws 2>&1)
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ConflictException,*'
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $out.Errors[0].TargetObject.Id | Should -BeExactly 'second'
    }

    It 'copies a dataset: Get-CRMLTrainingDataset output pipes back in with a new -Name' {
        $original = New-TestDataset @{ Name = 'original'; CatalogId = '210987654321'; Description = 'source'; Tag = @{ team = 'ml' } }
        $copy = Get-CRMLTrainingDataset -TrainingDatasetArn $original.TrainingDatasetArn @script:Aws |
            New-CRMLTrainingDataset -Name 'copy' @script:Aws -ErrorAction Stop
        $copy.TrainingDatasetArn | Should -Not -Be $original.TrainingDatasetArn
        $body = Get-EmulatorLastBody
        $body.name | Should -BeExactly 'copy'
        $body.description | Should -BeExactly 'source'
        $body.trainingData[0].inputConfig.dataSource.glueDataSource.catalogId | Should -BeExactly '210987654321'
        @($body.trainingData[0].inputConfig.schema | ForEach-Object columnName) | Should -Be @('user_id', 'item_id', 'ts')
        Get-TagText $body.tags | Should -BeExactly 'team=ml'
    }
}

Describe 'A training dataset whose models fail to train' {
    BeforeAll { Reset-Emulator }

    It 'ends an audience model trained on it CREATE_FAILED (the emulator''s fail-training marker)' {
        $dataset = New-TestDataset @{ Name = 'clicks-fail-training' }
        $model = $dataset | New-CRMLAudienceModel -Name 'doomed' @script:Aws -ErrorAction Stop
        $model.TrainingDatasetArn | Should -BeExactly $dataset.TrainingDatasetArn

        $failed = $model | Get-CRMLAudienceModel @script:Aws -ErrorAction Stop
        $failed.Status | Should -BeExactly 'CREATE_FAILED'
        $failed.StatusCode | Should -BeExactly 'TRAINING_FAILED'
        $failed.StatusMessage | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-CRMLTrainingDataset' {
    BeforeEach { Reset-Emulator }

    It 'gets one dataset by ARN with every field' {
        $created = New-TestDataset @{ Name = 'full'; CatalogId = '210987654321'; Description = 'd'; Tag = @{ team = 'ml' } }
        $got = Get-CRMLTrainingDataset -TrainingDatasetArn $created.TrainingDatasetArn @script:Aws -ErrorAction Stop

        $got.TrainingDatasetArn | Should -BeExactly $created.TrainingDatasetArn
        $got.Name | Should -BeExactly 'full'
        $got.Status | Should -BeExactly 'ACTIVE'
        $got.RoleArn | Should -BeExactly $script:RoleArn
        $got.DatabaseName | Should -BeExactly 'sales'
        $got.TableName | Should -BeExactly 'interactions'
        $got.CatalogId | Should -BeExactly '210987654321'
        $got.Description | Should -BeExactly 'd'
        @($got.Columns.Keys) | Should -Be @('user_id', 'item_id', 'ts')
        @($got.Columns.Values) | Should -Be @('USER_ID', 'ITEM_ID', 'TIMESTAMP')
        $got.Tags['team'] | Should -BeExactly 'ml'
        $got.CreateTime.Kind | Should -Be 'Utc'
        $got.UpdateTime | Should -Not -BeNullOrEmpty
        $got.RequestId | Should -Be (Get-EmulatorLastRequest).requestId
        (Get-EmulatorLastRequest).rawTarget | Should -BeLike '/training-dataset/arn%3Aaws%3Acleanrooms-ml%3A*'
    }

    It 'takes the ARN from New-CRMLTrainingDataset output, from an audience model and from a plain string' {
        $created = New-TestDataset @{ Name = 'piped' }
        ($created | Get-CRMLTrainingDataset @script:Aws).Name | Should -BeExactly 'piped'
        ($created.TrainingDatasetArn | Get-CRMLTrainingDataset @script:Aws).Name | Should -BeExactly 'piped'
        $model = New-CRMLAudienceModel -Name 'on-piped' -TrainingDatasetArn $created.TrainingDatasetArn @script:Aws -ErrorAction Stop
        ($model | Get-CRMLTrainingDataset @script:Aws).Name | Should -BeExactly 'piped'
    }

    It 'lists every dataset of the region, the seeded one included' {
        $null = New-TestDataset @{ Name = 'alpha' }
        $null = New-TestDataset @{ Name = 'beta' }
        $all = @(Get-CRMLTrainingDataset @script:Aws -ErrorAction Stop)
        @($all.Name | Sort-Object) | Should -Be @('alpha', 'beta', 'demo-interactions')
        $all[0].Status | Should -BeExactly 'ACTIVE'
        $all[0].Tags | Should -BeNullOrEmpty -Because 'a summary does not report tags'
    }

    It 'filters the list with -Name wildcards, without regard to case' {
        foreach ($name in 'sales-2023', 'sales-2024', 'clicks') { $null = New-TestDataset @{ Name = $name } }
        @(Get-CRMLTrainingDataset 'SALES-*' @script:Aws).Name | Sort-Object | Should -Be @('sales-2023', 'sales-2024')
        @(Get-CRMLTrainingDataset -Name 'clicks', '*2023' @script:Aws).Name | Sort-Object | Should -Be @('clicks', 'sales-2023')
    }

    It 'reports an exact -Name that matches nothing as ObjectNotFound, but not a wildcard' {
        $out = Split-Output (Get-CRMLTrainingDataset -Name 'nothing-here', 'none*' @script:Aws 2>&1)
        $out.Results | Should -BeNullOrEmpty
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out.Errors[0].TargetObject | Should -BeExactly 'nothing-here'
    }

    It 'reports an unknown ARN as ResourceNotFoundException with the input as TargetObject, and goes on' {
        $known = Get-DemoDatasetArn
        $unknown = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/no-such-dataset'
        $out = Split-Output ($unknown, $known | Get-CRMLTrainingDataset @script:Aws 2>&1)
        $out.Results.Count | Should -Be 1
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out.Errors[0].TargetObject | Should -BeExactly $unknown
    }

    It 'rejects an ARN that is not a training dataset ARN before sending, on the command line and from the pipeline' {
        { Get-CRMLTrainingDataset -TrainingDatasetArn 'arn:aws:s3:::bucket/key' @script:Aws } |
            Should -Throw -ExpectedMessage '*training dataset ARN*'
        $out = Split-Output ('arn:aws:s3:::bucket/key' | Get-CRMLTrainingDataset @script:Aws 2>&1)
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].TargetObject | Should -BeExactly 'arn:aws:s3:::bucket/key'
        Get-EmulatorRequestCount | Should -Be 0
    }
}

Describe 'Get-CRMLTrainingDataset over more than one page' {
        BeforeAll {
            Reset-Emulator
            # 105 created + the seeded one: two pages of at most 100.
            1..105 | ForEach-Object { [pscustomobject](New-DatasetArgs @{ Name = 'page-{0:d3}' -f $_ }) } |
                New-CRMLTrainingDataset @script:Aws -ErrorAction Stop | Out-Null
        }
        BeforeEach {
            $script:ListsBefore = Get-EmulatorRequestCount -Operation ListTrainingDatasets
        }

        It 'reads every page: all 106 datasets, each once' {
            $all = @(Get-CRMLTrainingDataset @script:Aws -ErrorAction Stop)
            $all.Count | Should -Be 106
            @($all.TrainingDatasetArn | Sort-Object -Unique).Count | Should -Be 106
            (Get-EmulatorRequestCount -Operation ListTrainingDatasets) - $script:ListsBefore | Should -Be 2
            (Get-EmulatorLastRequest).query | Should -Match 'nextToken='
        }

        It 'stops paging when Select-Object -First has what it needs' {
            $first = @(Get-CRMLTrainingDataset @script:Aws | Select-Object -First 3)
            $first.Count | Should -Be 3
            (Get-EmulatorRequestCount -Operation ListTrainingDatasets) - $script:ListsBefore | Should -Be 1
        }

        It 'filters across pages' {
            @(Get-CRMLTrainingDataset -Name 'page-1*' @script:Aws).Count | Should -Be 6  # page-100 .. page-105
        }
}

Describe 'Remove-CRMLTrainingDataset' {
    BeforeEach { Reset-Emulator }

    It 'removes with -Confirm:$false and writes nothing without -PassThru' {
        $created = New-TestDataset
        $out = @(Remove-CRMLTrainingDataset -TrainingDatasetArn $created.TrainingDatasetArn -Confirm:$false @script:Aws -ErrorAction Stop)
        $out | Should -BeNullOrEmpty
        (Get-EmulatorLastRequest).method | Should -Be 'DELETE'
        Get-EmulatorRequestCount -Operation DeleteTrainingDataset | Should -Be 1
        { Get-CRMLTrainingDataset -TrainingDatasetArn $created.TrainingDatasetArn @script:Aws -ErrorAction Stop } | Should -Throw
    }

    It 'removes with -Force and, with -PassThru, writes the ARN' {
        $created = New-TestDataset
        $out = $created | Remove-CRMLTrainingDataset -Force -PassThru @script:Aws -ErrorAction Stop
        $out | Should -BeExactly $created.TrainingDatasetArn
        Get-EmulatorRequestCount -Operation DeleteTrainingDataset | Should -Be 1
    }

    It 'removes every dataset piped in, ARN strings included' {
        $arns = @(1..3 | ForEach-Object { (New-TestDataset).TrainingDatasetArn })
        $out = @($arns | Remove-CRMLTrainingDataset -Force -PassThru @script:Aws)
        $out | Should -Be $arns
        Get-EmulatorRequestCount -Operation DeleteTrainingDataset | Should -Be 3
    }

    It '-WhatIf sends nothing, -Force or not' {
        $created = New-TestDataset
        $before = Get-EmulatorRequestCount
        $created | Remove-CRMLTrainingDataset -WhatIf @script:Aws
        $created | Remove-CRMLTrainingDataset -WhatIf -Force @script:Aws
        Get-EmulatorRequestCount | Should -Be $before
    }

    It 'prompts (ConfirmImpact High) unless -Force, and -Force does not override an explicit -Confirm' {
        $pwsh = Get-PwshCommand
        $arn = Get-DemoDatasetArn
        $common = "-EndpointUrl '$($script:Emulator.Url)' -Region us-east-1 -AccessKey $($script:EmulatorAccessKey) -SecretKey '$($script:EmulatorSecretKey)'"
        foreach ($case in @(
                @{ Switches = ''; Prompts = $true }
                @{ Switches = '-Force -Confirm'; Prompts = $true }
            )) {
            # -NonInteractive turns a prompt into an error that says so; nothing is sent either way.
            $text = & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -Command "
                Import-Module '$($script:ModuleManifest)'
                Remove-CRMLTrainingDataset '$arn' $($case.Switches) $common" 2>&1 | Out-String
            $text | Should -Match 'NonInteractive' -Because "'$($case.Switches)' must ask"
        }
        Get-EmulatorRequestCount | Should -Be 0

        # -Force alone does not ask, even where asking is impossible.
        $text = & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -Command "
            Import-Module '$($script:ModuleManifest)'
            Remove-CRMLTrainingDataset '$arn' -Force -PassThru $common" 2>&1 | Out-String
        $text.Trim() | Should -BeExactly $arn
        Get-EmulatorRequestCount -Operation DeleteTrainingDataset | Should -Be 1
    }

    It 'reports a dataset still used by an audience model as a ConflictException (ResourceExists) on its input, and goes on' {
        $used = New-TestDataset @{ Name = 'in-use' }
        $free = New-TestDataset @{ Name = 'free' }
        $null = New-CRMLAudienceModel -Name 'user' -TrainingDatasetArn $used.TrainingDatasetArn @script:Aws -ErrorAction Stop

        $out = Split-Output ($used, $free | Remove-CRMLTrainingDataset -Force -PassThru @script:Aws 2>&1)
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ConflictException,*'
        $out.Errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $out.Errors[0].TargetObject.TrainingDatasetArn | Should -BeExactly $used.TrainingDatasetArn
        $out.Errors[0].ToString() | Should -Match 'HTTP 409'
        $out.Results | Should -Be @($free.TrainingDatasetArn)
    }

    It 'reports an unknown dataset as ResourceNotFoundException with the ARN as TargetObject' {
        $unknown = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/gone'
        $out = Split-Output (Remove-CRMLTrainingDataset $unknown -Force @script:Aws 2>&1)
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        $out.Errors[0].TargetObject | Should -BeExactly $unknown
    }
}

Describe 'Tags' {
    BeforeEach {
        Reset-Emulator
        $script:Dataset = New-TestDataset @{ Name = 'tagged' }
        $script:Arn = $script:Dataset.TrainingDatasetArn
    }

    It 'adds tags from a hashtable and gets them back one object per tag, in key order' {
        Add-CRMLResourceTag -ResourceArn $script:Arn -Tag @{ team = 'ml'; cost = 42 } @script:Aws -ErrorAction Stop
        $body = Get-EmulatorLastBody
        (Get-EmulatorLastRequest).method | Should -Be 'POST'
        (Get-EmulatorLastRequest).rawTarget | Should -BeLike '/tags/arn%3Aaws%3Acleanrooms-ml%3A*'
        @($body.Keys) | Should -Be @('tags')
        Get-TagText $body.tags | Should -BeExactly 'cost=42;team=ml'

        $tags = @(Get-CRMLResourceTag $script:Arn @script:Aws -ErrorAction Stop)
        $tags | ForEach-Object { $_ | Should -BeOfType ([CleanRoomsML.PowerShell.Output.ResourceTag]) }
        @($tags | ForEach-Object { "$_" }) | Should -Be @('cost=42', 'team=ml')
        $tags[0].ResourceArn | Should -BeExactly $script:Arn
    }

    It 'adds tags from a string key=value;key2=value2 and from a CSV row' {
        Add-CRMLResourceTag $script:Arn 'env=test;owner=alice' @script:Aws -ErrorAction Stop
        $rows = ConvertTo-CsvRows @([ordered]@{ ResourceArn = $script:Arn; Tags = 'tier=gold' })
        $rows | Add-CRMLResourceTag @script:Aws -ErrorAction Stop
        Get-TagText (Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws) | Should -BeExactly 'env=test;owner=alice;tier=gold'
    }

    It '-AsHashtable gives one case-sensitive hashtable per resource' {
        Add-CRMLResourceTag $script:Arn 'Team=a;team=b' @script:Aws
        $table = Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws
        $table | Should -BeOfType ([hashtable])
        $table.Count | Should -Be 2
        $table['Team'] | Should -BeExactly 'a'
        $table['team'] | Should -BeExactly 'b'
    }

    It 'gives nothing (and an empty hashtable with -AsHashtable) for a resource without tags' {
        @(Get-CRMLResourceTag $script:Arn @script:Aws) | Should -BeNullOrEmpty
        (Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws).Count | Should -Be 0
    }

    It '-PassThru writes the tags after the change' {
        $after = @(Add-CRMLResourceTag $script:Arn @{ a = '1'; b = '2' } -PassThru @script:Aws)
        @($after | ForEach-Object { "$_" }) | Should -Be @('a=1', 'b=2')
        $after = @(Remove-CRMLResourceTag $script:Arn -TagKey a -PassThru @script:Aws)
        @($after | ForEach-Object { "$_" }) | Should -Be @('b=2')
    }

    It 'removes several keys in one request, as a repeated tagKeys query parameter' {
        Add-CRMLResourceTag $script:Arn @{ a = '1'; b = '2'; c = '3' } @script:Aws
        $before = Get-EmulatorRequestCount -Operation UntagResource
        Remove-CRMLResourceTag -ResourceArn $script:Arn -TagKey a, c @script:Aws -ErrorAction Stop
        (Get-EmulatorRequestCount -Operation UntagResource) - $before | Should -Be 1
        $request = Get-EmulatorLastRequest
        $request.method | Should -Be 'DELETE'
        @($request.query -split '&' | Sort-Object) | Should -Be @('tagKeys=a', 'tagKeys=c')
        Get-TagText (Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws) | Should -BeExactly 'b=2'
    }

    It 'removes the tags piped in from Get-CRMLResourceTag' {
        Add-CRMLResourceTag $script:Arn @{ 'tmp-1' = 'x'; 'tmp-2' = 'y'; keep = 'z' } @script:Aws
        Get-CRMLResourceTag $script:Arn @script:Aws | Where-Object Key -like 'tmp-*' | Remove-CRMLResourceTag @script:Aws -ErrorAction Stop
        Get-TagText (Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws) | Should -BeExactly 'keep=z'
    }

    It 'lets the service refuse a 51st tag, counting the tags the resource has' {
        Add-CRMLResourceTag $script:Arn ((1..30 | ForEach-Object { "a$_=v" }) -join ';') @script:Aws -ErrorAction Stop
        $out = Split-Output (Add-CRMLResourceTag $script:Arn ((1..21 | ForEach-Object { "b$_=v" }) -join ';') @script:Aws 2>&1)
        $out.Errors.Count | Should -Be 1
        $out.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ValidationException,*'
        $out.Errors[0].ToString() | Should -Match '50'
        $out.Errors[0].TargetObject | Should -BeExactly $script:Arn
        (Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws).Count | Should -Be 30
        # Changing the value of tags the resource has adds none: 30 + 20 new = 50 is fine.
        Add-CRMLResourceTag $script:Arn ((1..20 | ForEach-Object { "b$_=v" }) -join ';') @script:Aws -ErrorAction Stop
        (Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws).Count | Should -Be 50
    }

    It 'refuses <Case> before sending' -ForEach @(
        @{ Case = 'adding a key aws:team'; Command = { Add-CRMLResourceTag $script:Arn @{ 'aws:team' = 'x' } @script:Aws }; Parameter = 'Tag'; Detail = 'aws:' }
        @{ Case = 'adding a key AWS:x from text'; Command = { Add-CRMLResourceTag $script:Arn 'AWS:x=1' @script:Aws }; Parameter = 'Tag'; Detail = 'aws:' }
        @{ Case = 'adding no tags'; Command = { Add-CRMLResourceTag $script:Arn @{} @script:Aws }; Parameter = 'Tag'; Detail = 'empty' }
        @{ Case = 'adding 51 tags'; Command = { Add-CRMLResourceTag $script:Arn ((1..51 | ForEach-Object { "k$_=v" }) -join ';') @script:Aws }; Parameter = 'Tag'; Detail = 'at most 50' }
        @{ Case = 'adding a 257-character value'; Command = { Add-CRMLResourceTag $script:Arn @{ k = 'v' * 257 } @script:Aws }; Parameter = 'Tag'; Detail = '\b257\b' }
        @{ Case = 'removing a key Aws:Name'; Command = { Remove-CRMLResourceTag $script:Arn -TagKey ok, 'Aws:Name' @script:Aws }; Parameter = 'TagKey'; Detail = 'aws:' }
        @{ Case = 'removing a 129-character key'; Command = { Remove-CRMLResourceTag $script:Arn -TagKey ('k' * 129) @script:Aws }; Parameter = 'TagKey'; Detail = '\b129\b' }
        @{ Case = 'removing an empty key'; Command = { Remove-CRMLResourceTag $script:Arn -TagKey '' @script:Aws }; Parameter = 'TagKey'; Detail = '' }
        @{ Case = 'an ARN that is not taggable'; Command = { Get-CRMLResourceTag 'arn:aws:iam::123456789012:role/r' @script:Aws }; Parameter = 'ResourceArn'; Detail = 'taggable' }
    ) {
        $before = Get-EmulatorRequestCount
        $record = { & $Command } | Should -Throw -ErrorId 'ParameterArgument*' -PassThru
        $record.ToString() | Should -Match "'$Parameter'"
        $record.ToString() | Should -Match $Detail
        Get-EmulatorRequestCount | Should -Be $before
    }

    It '-WhatIf sends nothing for Add and Remove' {
        $before = Get-EmulatorRequestCount
        Add-CRMLResourceTag $script:Arn @{ a = '1' } -WhatIf @script:Aws
        Remove-CRMLResourceTag $script:Arn -TagKey a -WhatIf -Force @script:Aws
        Get-EmulatorRequestCount | Should -Be $before
    }

    It 'tags an audience model piped from New-CRMLAudienceModel (its AudienceModelArn, not its dataset''s)' {
        $model = New-CRMLAudienceModel -Name 'to-tag' -TrainingDatasetArn $script:Arn @script:Aws -ErrorAction Stop
        $tags = @($model | Add-CRMLResourceTag -Tag @{ stage = 'pilot' } -PassThru @script:Aws -ErrorAction Stop)
        $tags.Count | Should -Be 1
        $tags[0].ResourceArn | Should -BeExactly $model.AudienceModelArn
        (Get-EmulatorRecentRequests | Where-Object operation -eq 'TagResource' | Select-Object -Last 1).rawTarget |
            Should -BeLike '*audience-model*'
        (Get-CRMLResourceTag $script:Arn -AsHashtable @script:Aws).Count | Should -Be 0 -Because 'the dataset was not tagged'
    }

    It 'tags a training dataset piped from New-CRMLTrainingDataset' {
        $script:Dataset | Add-CRMLResourceTag -Tag 'k=v' @script:Aws -ErrorAction Stop
        ($script:Dataset | Get-CRMLResourceTag @script:Aws).Key | Should -BeExactly 'k'
    }

    It 'reports an unknown resource as ResourceNotFoundException with the input as TargetObject, for each cmdlet' {
        $unknown = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/no-such-model'
        $resource = [pscustomobject]@{ AudienceModelArn = $unknown; Note = 'mine' }
        $out = Split-Output @(
            $resource | Add-CRMLResourceTag -Tag @{ a = '1' } @script:Aws 2>&1
            $resource | Get-CRMLResourceTag @script:Aws 2>&1
            $resource | Remove-CRMLResourceTag -TagKey a @script:Aws 2>&1
        )
        $out.Errors.Count | Should -Be 3
        foreach ($record in $out.Errors) {
            $record.FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
            $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $record.TargetObject.Note | Should -BeExactly 'mine'
        }
    }
}
