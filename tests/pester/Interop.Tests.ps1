# A secret written by the cmdlets reads back identically through boto3 and the AWS CLI, and one written by them
# reads back identically through the cmdlets: string, binary and JSON.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:prefix = New-TestSecretName -Prefix 'interop'
    # Non-ASCII, quotes, backslashes and newlines: the value must survive both JSON encoders byte for byte.
    $script:text = "päss wörd ✓ `"quoted`" back\slash`nsecond line"
    $script:bytes = [byte[]](0, 1, 2, 127, 128, 254, 255)
}

AfterAll {
    Find-Secret "$prefix/*" -IncludePlannedDeletion | Remove-Secret -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Interop with boto3 and the AWS CLI' {
    Context 'Written by the cmdlets' {
        It 'a string reads back identically through boto3' {
            New-Secret -Name "$prefix/c-string" -SecretString $text | Out-Null
            $b64 = Invoke-Boto3 -Script 'print(base64.b64encode(client.get_secret_value(SecretId=sys.argv[1])["SecretString"].encode("utf-8")).decode())' -ArgumentList "$prefix/c-string"
            [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b64)) | Should -BeExactly $text
        }

        It 'a string reads back identically through the AWS CLI' {
            (Invoke-AwsCli secretsmanager get-secret-value --secret-id "$prefix/c-string").SecretString | Should -BeExactly $text
        }

        It 'binary reads back identically through boto3 and the AWS CLI' {
            New-Secret -Name "$prefix/c-binary" -SecretBinary $bytes | Out-Null
            $b64 = Invoke-Boto3 -Script 'print(base64.b64encode(client.get_secret_value(SecretId=sys.argv[1])["SecretBinary"]).decode())' -ArgumentList "$prefix/c-binary"
            [Convert]::FromBase64String($b64) | Should -Be $bytes
            # The CLI prints blobs base64-encoded.
            [Convert]::FromBase64String((Invoke-AwsCli secretsmanager get-secret-value --secret-id "$prefix/c-binary").SecretBinary) | Should -Be $bytes
        }

        It 'a hashtable reads back as the same JSON object through boto3' {
            New-Secret -Name "$prefix/c-json" -SecretValue @{ username = 'ü-user'; password = $text; port = 5432 } | Out-Null
            $out = Invoke-Boto3 -Script 'd = json.loads(client.get_secret_value(SecretId=sys.argv[1])["SecretString"]); print(json.dumps({"u": d["username"], "p": d["password"], "port": d["port"]}, ensure_ascii=True))' -ArgumentList "$prefix/c-json"
            $json = $out | ConvertFrom-Json
            $json.u | Should -BeExactly 'ü-user'
            $json.p | Should -BeExactly $text
            $json.port | Should -Be 5432
        }

        It 'a new version with a custom stage is visible to boto3 under that stage' {
            Publish-SecretVersion -SecretId "$prefix/c-string" -SecretString 'staged-value' -VersionStage 'blue' | Out-Null
            Invoke-Boto3 -Script 'print(client.get_secret_value(SecretId=sys.argv[1], VersionStage="blue")["SecretString"])' -ArgumentList "$prefix/c-string" |
                Should -Be 'staged-value'
        }
    }

    Context 'Written by boto3 or the AWS CLI' {
        It 'a string reads back identically' {
            $b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($text))
            Invoke-Boto3 -Script 'client.create_secret(Name=sys.argv[1], SecretString=base64.b64decode(sys.argv[2]).decode("utf-8"))' -ArgumentList "$prefix/b-string", $b64
            Get-SecretValue "$prefix/b-string" -AsPlainText | Should -BeExactly $text
        }

        It 'binary reads back identically' {
            Invoke-Boto3 -Script 'client.create_secret(Name=sys.argv[1], SecretBinary=base64.b64decode(sys.argv[2]))' -ArgumentList "$prefix/b-binary", ([Convert]::ToBase64String($bytes))
            (Get-SecretValue "$prefix/b-binary").SecretBinary | Should -Be $bytes
        }

        It 'JSON reads back as keys, hashtable and credential' {
            $null = Invoke-AwsCli secretsmanager create-secret --name "$prefix/cli-json" --secret-string '{"username":"cli-user","password":"cli-pass","n":1.5}'
            Get-SecretValue "$prefix/cli-json" -Key password -AsPlainText | Should -BeExactly 'cli-pass'
            (Get-SecretValue "$prefix/cli-json" -AsHashtable -AsPlainText).n | Should -Be 1.5
            (Get-SecretValue "$prefix/cli-json" -AsCredential).UserName | Should -Be 'cli-user'
        }

        It 'metadata written by the CLI shows in SecretInfo' {
            $null = Invoke-AwsCli secretsmanager create-secret --name "$prefix/cli-meta" --description 'from the cli' --tags 'Key=origin,Value=cli' --secret-string x
            $info = Find-Secret "$prefix/cli-meta"
            $info.Description | Should -Be 'from the cli'
            $info.Tags['origin'] | Should -Be 'cli'
        }
    }
}
