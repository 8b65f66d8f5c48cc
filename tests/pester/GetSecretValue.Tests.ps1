BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:prefix = New-TestSecretName -Prefix 'get'
    $script:plain = "$prefix/plain"
    $script:json = "$prefix/json"
    $script:binary = "$prefix/binary"
    $script:array = "$prefix/array"
    $script:scheduled = "$prefix/scheduled"
    New-Secret -Name $plain -SecretString 'plain-value-1' | Out-Null
    New-Secret -Name $json -SecretString '{"username":"app-user","password":"app-pass-1","port":5432,"nested":{"a":1},"list":[1,"two"],"empty":null}' | Out-Null
    New-Secret -Name $binary -SecretBinary ([byte[]](1, 2, 3)) | Out-Null
    New-Secret -Name $array -SecretString '["not","an","object"]' | Out-Null
    New-Secret -Name $scheduled -SecretString 'scheduled-value' | Out-Null
    Remove-Secret -SecretId $scheduled -RecoveryWindowInDays 7 -Force
}

AfterAll {
    Find-Secret "$prefix/*" -IncludePlannedDeletion | Remove-Secret -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Get-SecretValue' {
    Context 'Parameter sets and outputs' {
        It 'has the Value (default), Key, AsHashtable and AsCredential sets' {
            $command = Get-Command Get-SecretValue
            $command.DefaultParameterSet | Should -Be 'Value'
            $command.ParameterSets.Name | Sort-Object | Should -Be @('AsCredential', 'AsHashtable', 'Key', 'Value')
            $command.Parameters['SecretId'].ParameterSets.Values.Position | Select-Object -Unique | Should -Be 0
        }

        It 'emits a SecretValue with the string as SecureString' {
            $value = Get-SecretValue $plain
            $value | Should -BeOfType 'SecretsPS.SecretValue'
            $value.Name | Should -Be $plain
            $value.VersionStages | Should -Be @('AWSCURRENT')
            $value.VersionId | Should -Not -BeNullOrEmpty
            $value.CreatedDate | Should -BeOfType [datetime]
            $value.SecretString | Should -BeOfType [securestring]
            [pscredential]::new('x', $value.SecretString).GetNetworkCredential().Password | Should -Be 'plain-value-1'
            $value.SecretBinary | Should -BeNullOrEmpty
        }

        It '-AsPlainText emits the string' {
            Get-SecretValue $plain -AsPlainText | Should -BeExactly 'plain-value-1'
        }

        It '-AsPlainText on a binary secret emits the bytes as one array' {
            $bytes = Get-SecretValue $binary -AsPlainText
            , $bytes | Should -BeOfType [byte[]]
            $bytes | Should -Be @(1, 2, 3)
        }

        It '-Key emits one top-level key as SecureString, or as string with -AsPlainText' {
            $secure = Get-SecretValue $json -Key password
            $secure | Should -BeOfType [securestring]
            [pscredential]::new('x', $secure).GetNetworkCredential().Password | Should -Be 'app-pass-1'
            Get-SecretValue $json -Key username -AsPlainText | Should -Be 'app-user'
        }

        It '-Key matches case-insensitively when the match is unique, and emits non-string values as JSON text' {
            Get-SecretValue $json -Key USERNAME -AsPlainText | Should -Be 'app-user'
            Get-SecretValue $json -Key port -AsPlainText | Should -Be '5432'
            Get-SecretValue $json -Key nested -AsPlainText | Should -Be '{"a":1}'
        }

        It '-AsHashtable emits SecureString leaves, plain values with -AsPlainText' {
            $table = Get-SecretValue $json -AsHashtable
            $table | Should -BeOfType [hashtable]
            $table.username | Should -BeOfType [securestring]
            $table.port | Should -BeOfType [securestring]
            $table.empty | Should -BeNullOrEmpty
            $plainTable = Get-SecretValue $json -AsHashtable -AsPlainText
            $plainTable.username | Should -Be 'app-user'
            $plainTable.port | Should -Be 5432
            $plainTable.nested.a | Should -Be 1
            $plainTable.list | Should -Be @(1, 'two')
        }

        It '-AsHashtable keeps keys that differ only in case' {
            $clash = "$prefix/case-clash"
            New-Secret -Name $clash -SecretString '{"User":"a","user":"b","password":"p"}' | Out-Null
            $table = Get-SecretValue $clash -AsHashtable -AsPlainText
            $table.Count | Should -Be 3
            $table['User'] | Should -BeExactly 'a'
            $table['user'] | Should -BeExactly 'b'
        }

        It '-SecretValue stores readable JSON: only what JSON requires is escaped' {
            $readable = "$prefix/readable-json"
            New-Secret -Name $readable -SecretValue @{ password = "a+b<c>'&é`"\" } | Out-Null
            Get-SecretValue $readable -AsPlainText | Should -BeExactly '{"password":"a+b<c>''&é\"\\"}'
            Get-SecretValue $readable -Key password -AsPlainText | Should -BeExactly "a+b<c>'&é`"\"
        }

        It '-AsCredential emits a PSCredential from username and password' {
            $credential = Get-SecretValue $json -AsCredential
            $credential | Should -BeOfType [pscredential]
            $credential.UserName | Should -Be 'app-user'
            $credential.GetNetworkCredential().Password | Should -Be 'app-pass-1'
        }

        It '-AsCredential and -AsPlainText are in different sets' {
            { Get-SecretValue $json -AsCredential -AsPlainText -ErrorAction Stop } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,SecretsPS.Commands.GetSecretValueCommand'
        }

        It 'selects a version by -VersionStage and by -VersionId' {
            $name = "$prefix/versions"
            $first = New-Secret -Name $name -SecretString 'version-one'
            Publish-SecretVersion -SecretId $name -SecretString 'version-two' | Out-Null
            Get-SecretValue $name -AsPlainText | Should -Be 'version-two'
            Get-SecretValue $name -VersionStage AWSPREVIOUS -AsPlainText | Should -Be 'version-one'
            Get-SecretValue $name -VersionId $first.VersionId -AsPlainText | Should -Be 'version-one'
            (Get-SecretValue $name -VersionId $first.VersionId).VersionStages | Should -Be @('AWSPREVIOUS')
        }
    }

    Context 'JSON conversions on secrets that are not JSON objects' {
        It '<Parameter> on <Kind> -> <ErrorId>' -ForEach @(
            @{ Parameter = '-Key'; Kind = 'plain text'; Splat = @{ Key = 'x' }; Secret = 'plain'; ErrorId = 'SecretNotJsonObject' }
            @{ Parameter = '-AsHashtable'; Kind = 'a JSON array'; Splat = @{ AsHashtable = $true }; Secret = 'array'; ErrorId = 'SecretNotJsonObject' }
            @{ Parameter = '-AsCredential'; Kind = 'plain text'; Splat = @{ AsCredential = $true }; Secret = 'plain'; ErrorId = 'SecretNotJsonObject' }
            @{ Parameter = '-Key'; Kind = 'a binary secret'; Splat = @{ Key = 'x' }; Secret = 'binary'; ErrorId = 'SecretHasNoString' }
        ) {
            $id = (Get-Variable -Name $Secret -Scope Script).Value
            $e = { Get-SecretValue -SecretId $id @Splat -ErrorAction Stop } |
                Should -Throw -ErrorId "$ErrorId,SecretsPS.Commands.GetSecretValueCommand" -PassThru
            $e.CategoryInfo.Category | Should -Be 'InvalidData'
            $e.TargetObject | Should -Be $id
            $e.Exception.Message | Should -Match ([regex]::Escape($Parameter))
            $e.Exception.Message | Should -Not -Match 'plain-value-1'
        }

        It 'a missing key is SecretKeyNotFound (ObjectNotFound)' {
            $e = { Get-SecretValue $json -Key nosuchkey -ErrorAction Stop } |
                Should -Throw -ErrorId 'SecretKeyNotFound,SecretsPS.Commands.GetSecretValueCommand' -PassThru
            $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $e.Exception.Message | Should -Match 'nosuchkey'
        }

        It 'a JSON object without username/password is SecretNotCredential' {
            $name = "$prefix/nocred"
            New-Secret -Name $name -SecretValue @{ user = 'u' } | Out-Null
            $e = { Get-SecretValue $name -AsCredential -ErrorAction Stop } |
                Should -Throw -ErrorId 'SecretNotCredential,SecretsPS.Commands.GetSecretValueCommand' -PassThru
            $e.CategoryInfo.Category | Should -Be 'InvalidData'
        }
    }

    Context 'Service errors' {
        It 'a missing secret is SecretNotFound (ObjectNotFound), target = the id, inner = the service exception' {
            $e = { Get-SecretValue "$prefix/missing" -ErrorAction Stop } |
                Should -Throw -ErrorId 'SecretNotFound,SecretsPS.Commands.GetSecretValueCommand' -PassThru
            $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $e.TargetObject | Should -Be "$prefix/missing"
            $e.Exception | Should -BeOfType [System.Management.Automation.ItemNotFoundException]
            $e.Exception.InnerException.GetType().FullName | Should -Be 'SecretsPS.Client.ResourceNotFoundException'
        }

        It 'a secret scheduled for deletion is InvalidRequest (InvalidOperation)' {
            $e = { Get-SecretValue $scheduled -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidRequest,SecretsPS.Commands.GetSecretValueCommand' -PassThru
            $e.CategoryInfo.Category | Should -Be 'InvalidOperation'
        }

        It 'an unknown stage is SecretNotFound' {
            { Get-SecretValue $plain -VersionStage NOSUCHSTAGE -ErrorAction Stop } |
                Should -Throw -ErrorId 'SecretNotFound,SecretsPS.Commands.GetSecretValueCommand'
        }
    }

    Context 'Pipelines and batching' {
        It "'a','missing','b' | Get-SecretValue gives two values in order and one ObjectNotFound error" {
            $values = $plain, "$prefix/missing", $json | Get-SecretValue -ErrorVariable err -ErrorAction SilentlyContinue
            $values.Count | Should -Be 2
            $values[0].Name | Should -Be $plain
            $values[1].Name | Should -Be $json
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'SecretNotFound,SecretsPS.Commands.GetSecretValueCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be "$prefix/missing"
        }

        It 'uses BatchGetSecretValue for several piped ids (Verbose says so) and keeps input order across groups of 20' {
            $names = 1..23 | ForEach-Object { "$prefix/batch-{0:d2}" -f $_ }
            foreach ($n in $names) { New-Secret -Name $n -SecretString "batch-value-$n" | Out-Null }
            $order = $names[22..0]
            $verbose = $( $values = $order | Get-SecretValue -AsPlainText -Verbose ) 4>&1
            $values | Should -Be ($order | ForEach-Object { "batch-value-$_" })
            ($verbose | Where-Object { "$_" -match 'BatchGetSecretValue' }).Count | Should -Be 2
            ($verbose | Where-Object { "$_" -match 'values of 20 secrets' }).Count | Should -Be 1
        }

        It 'binds ARNs from piped objects and matches them in the batch' {
            $values = Find-Secret $plain, $json | Get-SecretValue
            $values.Name | Should -Be @($plain, $json)
        }

        It 'a scheduled secret in a batch is a non-terminating error for that id only' {
            $values = $plain, $scheduled, $json | Get-SecretValue -AsPlainText -ErrorVariable err -ErrorAction SilentlyContinue
            $values.Count | Should -Be 2
            $err.Count | Should -Be 1
            $err[0].TargetObject | Should -Be $scheduled
        }

        It "Find-Secret 'app/*' | Get-SecretValue -AsPlainText" {
            $app = "$prefix/app"
            New-Secret -Name "$app/one" -SecretString 'app-one' | Out-Null
            New-Secret -Name "$app/two" -SecretString 'app-two' | Out-Null
            $values = Find-Secret "$app/*" | Get-SecretValue -AsPlainText
            $values | Sort-Object | Should -Be @('app-one', 'app-two')
        }
    }

    Context 'Bad input fails before any request' {
        It '<Case> -> <ErrorId>' -ForEach @(
            @{ Case = 'id with a space'; ErrorId = 'InvalidSecretId'; Splat = @{ SecretId = 'bad id' }; Pattern = '-SecretId: the value given \(6 characters; character 4 is not allowed\) is not a valid secret id' }
            @{ Case = 'empty id'; ErrorId = 'InvalidSecretId'; Splat = @{ SecretId = '' }; Pattern = '-SecretId' }
            @{ Case = 'malformed ARN'; ErrorId = 'InvalidSecretId'; Splat = @{ SecretId = 'arn:aws:s3:::bucket' }; Pattern = 'not a valid secret ARN' }
            @{ Case = 'ARN over 2048 characters'; ErrorId = 'InvalidSecretId'; Splat = @{ SecretId = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:' + ('a' * 2000) }; Pattern = '2048' }
            @{ Case = 'empty VersionId'; ErrorId = 'InvalidVersionId'; Splat = @{ SecretId = 'ok'; VersionId = '' }; Pattern = '-VersionId: a version id is 32 to 64 characters' }
            @{ Case = 'VersionId of 31 characters'; ErrorId = 'InvalidVersionId'; Splat = @{ SecretId = 'ok'; VersionId = 'a' * 31 }; Pattern = '-VersionId: a version id is 32 to 64 characters' }
            @{ Case = 'empty VersionStage'; ErrorId = 'InvalidVersionStage'; Splat = @{ SecretId = 'ok'; VersionStage = '' }; Pattern = '-VersionStage: a staging label is 1 to 256 characters' }
            @{ Case = 'VersionStage of 257 characters'; ErrorId = 'InvalidVersionStage'; Splat = @{ SecretId = 'ok'; VersionStage = 's' * 257 }; Pattern = '257' }
        ) {
            $e = { Get-SecretValue @Splat -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
                Should -Throw -ErrorId "$ErrorId,SecretsPS.Commands.GetSecretValueCommand" -PassThru
            $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $e.Exception.Message | Should -Match $Pattern
        }

        It 'does not print a value piped into -SecretId by mistake' {
            $null = 'Pa55word!' | Get-SecretValue -EndpointUrl 'http://127.0.0.1:9' -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'InvalidSecretId,SecretsPS.Commands.GetSecretValueCommand'
            $err[0].Exception.Message | Should -Not -Match 'Pa55word'
            $err[0].Exception.Message | Should -Match 'character 9 is not allowed'
        }

        It 'accepts full and partial ARNs' {
            $info = Find-Secret $plain
            Get-SecretValue $info.ARN -AsPlainText | Should -Be 'plain-value-1'
            Get-SecretValue $info.ARN.Substring(0, $info.ARN.Length - 7) -AsPlainText | Should -Be 'plain-value-1'
        }
    }
}
