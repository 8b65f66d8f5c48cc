BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:created = [System.Collections.Generic.List[string]]::new()
    function script:New-Name([string] $Prefix = 'new') {
        $n = New-TestSecretName -Prefix $Prefix
        $script:created.Add($n)
        $n
    }
}

AfterAll {
    foreach ($n in $created) { Remove-Secret -SecretId $n -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue }
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'New-Secret' {
    Context 'Parameter sets' {
        It 'has one set per value form plus NoValue (the default)' {
            $sets = (Get-Command New-Secret).ParameterSets.Name
            $sets | Should -Contain 'NoValue'
            $sets | Should -Contain 'SecretString'
            $sets | Should -Contain 'SecureString'
            $sets | Should -Contain 'SecretBinary'
            $sets | Should -Contain 'SecretValue'
            (Get-Command New-Secret).DefaultParameterSet | Should -Be 'NoValue'
        }

        It 'creates a string secret and emits SecretInfo with the new VersionId' {
            $name = New-Name
            $info = New-Secret -Name $name -SecretString 'string-value-1' -Description 'a description'
            $info | Should -BeOfType 'SecretsPS.SecretInfo'
            $info.Name | Should -Be $name
            $info.ARN | Should -Match ":secret:$([regex]::Escape($name))-"
            $info.Description | Should -Be 'a description'
            $info.VersionId | Should -Not -BeNullOrEmpty
            $info.VersionIdsToStages[$info.VersionId] | Should -Be @('AWSCURRENT')
            $info.CreatedDate | Should -BeOfType [datetime]
            Get-SecretValue $name -AsPlainText | Should -Be 'string-value-1'
        }

        It 'creates a secret from a SecureString' {
            $name = New-Name
            New-Secret -Name $name -SecureString (ConvertTo-SecureString 'secure-value-1' -AsPlainText -Force) | Out-Null
            Get-SecretValue $name -AsPlainText | Should -Be 'secure-value-1'
        }

        It 'creates a binary secret' {
            $name = New-Name
            $bytes = [byte[]](0, 1, 2, 255, 128)
            New-Secret -Name $name -SecretBinary $bytes | Out-Null
            $value = Get-SecretValue $name
            $value.SecretString | Should -BeNullOrEmpty
            $value.SecretBinary | Should -Be $bytes
        }

        It 'stores a hashtable as a JSON object, SecureString values as their text' {
            $name = New-Name
            New-Secret -Name $name -SecretValue @{ username = 'app'; password = (ConvertTo-SecureString 'pw-1' -AsPlainText -Force); port = 5432; tls = $true } | Out-Null
            $json = Get-SecretValue $name -AsPlainText | ConvertFrom-Json
            $json.username | Should -Be 'app'
            $json.password | Should -Be 'pw-1'
            $json.port | Should -Be 5432
            $json.tls | Should -BeTrue
        }

        It 'creates a secret without a value: no version yet' {
            $name = New-Name
            $info = New-Secret -Name $name
            $info.VersionId | Should -BeNullOrEmpty
            $info.VersionIdsToStages.Count | Should -Be 0
            $e = { Get-SecretValue $name -ErrorAction Stop } | Should -Throw -ErrorId 'SecretNotFound,SecretsPS.Commands.GetSecretValueCommand' -PassThru
            $e.Exception.Message | Should -Match 'AWSCURRENT'
        }

        It 'applies tags, the KMS key id and the ClientRequestToken (which becomes the VersionId)' {
            $name = New-Name
            $token = [guid]::NewGuid().ToString()
            $info = New-Secret -Name $name -SecretString 'tagged' -Tag @{ env = 'dev'; team = 'core' } -KmsKeyId 'alias/custom' -ClientRequestToken $token
            $info.Tags['env'] | Should -Be 'dev'
            $info.Tags['team'] | Should -Be 'core'
            $info.VersionId | Should -Be $token
            $info.KmsKeyId | Should -Be 'alias/custom'
        }

        It 'takes the SecureString from the pipeline: New-RandomPassword | New-Secret' {
            $name = New-Name
            $info = New-RandomPassword -Length 24 | New-Secret -Name $name
            $info.Name | Should -Be $name
            (Get-SecretValue $name -AsPlainText).Length | Should -Be 24
        }
    }

    Context 'Value arguments' {
        It 'stores a PSCustomObject from ConvertFrom-Json as a JSON object, nested objects and arrays included' {
            $name = New-Name
            New-Secret -Name $name -SecretValue ('{"username":"u","password":"pw","db":{"port":5432,"hosts":["a","b"]}}' | ConvertFrom-Json) | Out-Null
            Get-SecretValue $name -AsPlainText | Should -BeExactly '{"username":"u","password":"pw","db":{"port":5432,"hosts":["a","b"]}}'
        }

        It 'keeps the key order of an [ordered] dictionary' {
            $name = New-Name
            New-Secret -Name $name -SecretValue ([ordered]@{ zulu = 1; yankee = 2; xray = 3; whiskey = 4; victor = 5 }) | Out-Null
            Get-SecretValue $name -AsPlainText | Should -BeExactly '{"zulu":1,"yankee":2,"xray":3,"whiskey":4,"victor":5}'
        }

        It 'keeps a number typed as -SecretString as typed (007 stays 007)' {
            $name = New-Name
            New-Secret -Name $name -SecretString 007 | Out-Null
            Get-SecretValue $name -AsPlainText | Should -BeExactly '007'
        }

        It 'takes -SecretBinary as a list of numbers or a List[byte]: <Case>' -ForEach @(
            @{ Case = '1,2,255'; Value = @(1, 2, 255); Expected = [byte[]](1, 2, 255) }
            @{ Case = 'List[byte]'; Value = [System.Collections.Generic.List[byte]]::new([byte[]](7, 0, 9)); Expected = [byte[]](7, 0, 9) }
        ) {
            $name = New-Name
            New-Secret -Name $name -SecretBinary $Value | Out-Null
            (Get-SecretValue $name).SecretBinary | Should -Be $Expected
        }

        # Binding fails before any request, with a message that names the argument's type and never its content.
        It 'rejects <Case> with a message naming the type only' -ForEach @(
            @{ Case = 'a SecureString for -SecretString'; Parameter = 'SecretString'; Value = { ConvertTo-SecureString 'rejected-secure-1' -AsPlainText -Force }; Text = 'rejected-secure-1'; Pattern = '-SecretString takes a string; for a SecureString use -SecureString' }
            @{ Case = 'a hashtable for -SecretString'; Parameter = 'SecretString'; Value = { @{ password = 'rejected-ht-1' } }; Text = 'rejected-ht-1'; Pattern = 'not a System.Collections.Hashtable; to store it as a JSON object use -SecretValue' }
            @{ Case = 'a PSCredential for -SecretString'; Parameter = 'SecretString'; Value = { [pscredential]::new('u', (ConvertTo-SecureString 'rejected-cred-1' -AsPlainText -Force)) }; Text = 'rejected-cred-1'; Pattern = 'not a System.Management.Automation.PSCredential' }
            @{ Case = 'a byte[] for -SecretString'; Parameter = 'SecretString'; Value = { , [Text.Encoding]::UTF8.GetBytes('rejected-bytes-1') }; Text = '114, 101'; Pattern = 'use -SecretBinary' }
            @{ Case = 'a string for -SecretBinary'; Parameter = 'SecretBinary'; Value = { 'MyBinarySecret' }; Text = 'MyBinarySecret'; Pattern = '-SecretBinary takes a byte\[\], not a string; for base64 text use \[Convert\]::FromBase64String' }
            @{ Case = 'a SecureString for -SecretBinary'; Parameter = 'SecretBinary'; Value = { ConvertTo-SecureString 'rejected-secure-2' -AsPlainText -Force }; Text = 'rejected-secure-2'; Pattern = 'not a SecureString; for a SecureString use -SecureString' }
            @{ Case = 'a number over 255 for -SecretBinary'; Parameter = 'SecretBinary'; Value = { , @(1, 2, 31337) }; Text = '31337'; Pattern = 'element 2 is outside the byte range 0-255' }
            @{ Case = 'strings for -SecretBinary'; Parameter = 'SecretBinary'; Value = { , @('rejected-elem-1', 'b') }; Text = 'rejected-elem-1'; Pattern = 'element 0 is a System.String, not a byte' }
            @{ Case = 'JSON text for -SecretValue'; Parameter = 'SecretValue'; Value = { '{"password":"rejected-json-1"}' }; Text = 'rejected-json-1'; Pattern = '-SecretValue takes a hashtable or a PSCustomObject, not a string' }
            @{ Case = 'a SecureString for -SecretValue'; Parameter = 'SecretValue'; Value = { ConvertTo-SecureString 'rejected-secure-3' -AsPlainText -Force }; Text = 'rejected-secure-3'; Pattern = 'not a System.Security.SecureString' }
            @{ Case = 'an array for -SecretValue'; Parameter = 'SecretValue'; Value = { , @('rejected-arr-1', 'x') }; Text = 'rejected-arr-1'; Pattern = 'not a System.Object\[\]' }
        ) {
            $splat = @{ Name = 'ok'; $Parameter = (& $Value) }
            $e = { New-Secret @splat -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,SecretsPS.Commands.NewSecretCommand' -PassThru
            $e.Exception.Message | Should -Match $Pattern
            $e.Exception.Message | Should -Match "parameter '$Parameter'"
            "$($e.Exception.Message)`n$($e.Exception.InnerException.Message)`n$($e.TargetObject)" | Should -Not -Match ([regex]::Escape($Text))
        }
    }

    Context 'Errors' {
        It 'an existing name is SecretAlreadyExists (ResourceExists), target = the name, inner = the service exception' {
            $name = New-Name
            New-Secret -Name $name -SecretString 'first' | Out-Null
            $e = { New-Secret -Name $name -SecretString 'second' -ErrorAction Stop } |
                Should -Throw -ErrorId 'SecretAlreadyExists,SecretsPS.Commands.NewSecretCommand' -PassThru
            $e.CategoryInfo.Category | Should -Be 'ResourceExists'
            $e.TargetObject | Should -Be $name
            $e.Exception.InnerException.GetType().Name | Should -Be 'ResourceExistsException'
            $e.Exception.Message | Should -Not -Match 'second'
            Get-SecretValue $name -AsPlainText | Should -Be 'first'
        }

        It 'two value forms at once are rejected by the binder' {
            { New-Secret -Name 'x' -SecretString 'a' -SecretBinary ([byte[]]1) -ErrorAction Stop } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,SecretsPS.Commands.NewSecretCommand'
        }
    }

    Context 'Bad input fails before any request' {
        # The endpoint refuses connections: a request would end in NetworkFailure, not in the validation error.
        It '<Case> -> <ErrorId>' -ForEach @(
            @{ Case = 'empty name'; ErrorId = 'InvalidSecretName'; Splat = @{ Name = ''; SecretString = 'v' }; Pattern = '-Name: .*1-512 characters' }
            @{ Case = 'name with a space'; ErrorId = 'InvalidSecretName'; Splat = @{ Name = 'bad name'; SecretString = 'v' }; Pattern = "-Name: 'bad name' is not a valid secret name" }
            @{ Case = 'name with !'; ErrorId = 'InvalidSecretName'; Splat = @{ Name = 'bad!'; SecretString = 'v' }; Pattern = 'letters, digits and / _ \+ = \. @ -' }
            @{ Case = 'name of 513 characters'; ErrorId = 'InvalidSecretName'; Splat = @{ Name = 'a' * 513; SecretString = 'v' }; Pattern = '1-512' }
            @{ Case = 'empty string value'; ErrorId = 'SecretValueEmpty'; Splat = @{ Name = 'ok'; SecretString = '' }; Pattern = '-SecretString: .*must not be empty' }
            @{ Case = '65,537-byte string'; ErrorId = 'SecretValueTooLarge'; Splat = @{ Name = 'ok'; SecretString = 'a' * 65537 }; Pattern = '-SecretString: the secret value is 65,537 bytes' }
            @{ Case = '65,538 UTF-8 bytes in 32,769 characters'; ErrorId = 'SecretValueTooLarge'; Splat = @{ Name = 'ok'; SecretString = ([string][char]0xE9) * 32769 }; Pattern = '65,538 bytes as UTF-8' }
            @{ Case = '65,537-byte binary'; ErrorId = 'SecretValueTooLarge'; Splat = @{ Name = 'ok'; SecretBinary = [byte[]]::new(65537) }; Pattern = '-SecretBinary: .*65,536' }
            @{ Case = 'empty binary'; ErrorId = 'SecretValueEmpty'; Splat = @{ Name = 'ok'; SecretBinary = [byte[]]::new(0) }; Pattern = '-SecretBinary' }
            @{ Case = 'hashtable over 65,536 bytes'; ErrorId = 'SecretValueTooLarge'; Splat = @{ Name = 'ok'; SecretValue = @{ k = 'a' * 65536 } }; Pattern = '-SecretValue' }
            @{ Case = 'hashtable with an unserialisable value'; ErrorId = 'InvalidSecretValue'; Splat = @{ Name = 'ok'; SecretValue = @{ k = [double]::NaN } }; Pattern = "key 'k'" }
            @{ Case = 'ClientRequestToken of 31 characters'; ErrorId = 'InvalidClientRequestToken'; Splat = @{ Name = 'ok'; SecretString = 'v'; ClientRequestToken = 'a' * 31 }; Pattern = '-ClientRequestToken: the token must be 32 to 64 characters' }
            @{ Case = 'ClientRequestToken of 65 characters'; ErrorId = 'InvalidClientRequestToken'; Splat = @{ Name = 'ok'; SecretString = 'v'; ClientRequestToken = 'a' * 65 }; Pattern = '32 to 64' }
            @{ Case = 'description of 2049 characters'; ErrorId = 'InvalidDescription'; Splat = @{ Name = 'ok'; Description = 'd' * 2049 }; Pattern = '-Description: .*2048' }
            @{ Case = 'tag key of 129 characters'; ErrorId = 'InvalidTag'; Splat = @{ Name = 'ok'; Tag = @{ ('k' * 129) = 'v' } }; Pattern = '-Tag: a tag key is 1 to 128' }
            @{ Case = 'tag value of 257 characters'; ErrorId = 'InvalidTag'; Splat = @{ Name = 'ok'; Tag = @{ k = 'v' * 257 } }; Pattern = 'at most 256' }
        ) {
            $e = { New-Secret @Splat -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
                Should -Throw -ErrorId "$ErrorId,SecretsPS.Commands.NewSecretCommand" -PassThru
            $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $e.Exception.Message | Should -Match $Pattern
        }
    }

    Context '-WhatIf' {
        It 'creates nothing' {
            $name = New-Name
            $result = New-Secret -Name $name -SecretString 'whatif' -WhatIf
            $result | Should -BeNullOrEmpty
            { Find-Secret $name -ErrorAction Stop } | Should -Throw -ErrorId 'SecretNotFound,SecretsPS.Commands.FindSecretCommand'
        }
    }
}
