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
