BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:prefix = New-TestSecretName -Prefix 'set'
}

AfterAll {
    Find-Secret "$prefix/*" -IncludePlannedDeletion | Remove-Secret -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Set-Secret' {
    BeforeEach {
        $script:name = "$prefix/" + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $script:original = New-Secret -Name $name -SecretString 'original-value' -Description 'original description' -Tag @{ keep = 'yes'; change = 'old'; drop = 'x' }
    }

    It 'has the same value sets as New-Secret and NoValue as default' {
        $command = Get-Command Set-Secret
        $command.DefaultParameterSet | Should -Be 'NoValue'
        $command.ParameterSets.Name | Sort-Object | Should -Be @('NoValue', 'SecretBinary', 'SecretString', 'SecretValue', 'SecureString')
    }

    It 'emits nothing without -PassThru' {
        Set-Secret -SecretId $name -SecretString 'new-value' | Should -BeNullOrEmpty
        Get-SecretValue $name -AsPlainText | Should -Be 'new-value'
    }

    It 'a new value creates a version and -PassThru emits SecretInfo with its VersionId' {
        $info = Set-Secret -SecretId $name -SecureString (ConvertTo-SecureString 'secure-new' -AsPlainText -Force) -PassThru
        $info | Should -BeOfType 'SecretsPS.SecretInfo'
        $info.VersionId | Should -Not -Be $original.VersionId
        $info.VersionIdsToStages[$info.VersionId] | Should -Contain 'AWSCURRENT'
        Get-SecretValue $name -AsPlainText | Should -Be 'secure-new'
        Get-SecretValue $name -VersionStage AWSPREVIOUS -AsPlainText | Should -Be 'original-value'
    }

    It 'sends only what was bound: a value change keeps the description and tags' {
        $info = Set-Secret -SecretId $name -SecretBinary ([byte[]](9, 8, 7)) -PassThru
        $info.Description | Should -Be 'original description'
        $info.Tags['keep'] | Should -Be 'yes'
        (Get-SecretValue $name).SecretBinary | Should -Be @(9, 8, 7)
    }

    It 'a description change creates no version' {
        $info = Set-Secret -SecretId $name -Description 'new description' -PassThru
        $info.Description | Should -Be 'new description'
        $info.VersionId | Should -BeNullOrEmpty
        (Get-SecretVersion $name).Count | Should -Be 1
        Get-SecretValue $name -AsPlainText | Should -Be 'original-value'
    }

    It '-Tag adds and overwrites, -RemoveTag removes' {
        $info = Set-Secret -SecretId $name -Tag @{ change = 'new'; added = 'a' } -RemoveTag drop -PassThru
        $info.Tags['keep'] | Should -Be 'yes'
        $info.Tags['change'] | Should -Be 'new'
        $info.Tags['added'] | Should -Be 'a'
        $info.Tags.ContainsKey('drop') | Should -BeFalse
    }

    It '-SecretValue stores a hashtable as JSON' {
        Set-Secret -SecretId $name -SecretValue @{ username = 'u1'; password = 'p1' }
        (Get-SecretValue $name -AsCredential).UserName | Should -Be 'u1'
    }

    It 'New-Secret | Set-Secret -PassThru | Get-SecretValue' {
        $other = "$prefix/pipe"
        $value = New-Secret -Name $other -SecretString 'pipe-one' | Set-Secret -SecretString 'pipe-two' -PassThru | Get-SecretValue -AsPlainText
        $value | Should -Be 'pipe-two'
    }

    It 'takes several secrets from the pipeline' {
        $second = "$prefix/second"
        New-Secret -Name $second -SecretString 'second' | Out-Null
        $name, $second | Set-Secret -Tag @{ bulk = 'yes' }
        (Find-Secret $name).Tags['bulk'] | Should -Be 'yes'
        (Find-Secret $second).Tags['bulk'] | Should -Be 'yes'
    }

    It 'takes ids from the pipeline with -SecureString by name: <Case>' -ForEach @(
        @{ Case = "'id' | Set-Secret -SecureString"; Source = { $name } }
        @{ Case = 'SecretInfo | Set-Secret -SecureString'; Source = { Find-Secret $name } }
    ) {
        $secure = ConvertTo-SecureString 'piped-id-value' -AsPlainText -Force
        & $Source | Set-Secret -SecureString $secure -PassThru | Should -HaveCount 1
        Get-SecretValue $name -AsPlainText | Should -Be 'piped-id-value'
    }

    It 'takes the SecureString from the pipeline with the id by position: $s | Set-Secret id' {
        ConvertTo-SecureString 'piped-secure-value' -AsPlainText -Force | Set-Secret $name
        Get-SecretValue $name -AsPlainText | Should -Be 'piped-secure-value'
    }

    It '-SecretValue keeps the order of an [ordered] dictionary and takes a PSCustomObject' {
        Set-Secret -SecretId $name -SecretValue ([ordered]@{ zulu = 'z'; alpha = 'a' })
        Get-SecretValue $name -AsPlainText | Should -BeExactly '{"zulu":"z","alpha":"a"}'
        Set-Secret -SecretId $name -SecretValue ('{"username":"u2","password":"p2"}' | ConvertFrom-Json)
        Get-SecretValue $name -AsPlainText | Should -BeExactly '{"username":"u2","password":"p2"}'
    }

    It 'a SecureString given to -SecretString is refused, not stored as its type name' {
        $secure = ConvertTo-SecureString 'refused-secure' -AsPlainText -Force
        $e = { Set-Secret -SecretId $name -SecretString $secure -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,SecretsPS.Commands.SetSecretCommand' -PassThru
        $e.Exception.Message | Should -Match '-SecretString takes a string; for a SecureString use -SecureString'
        Get-SecretValue $name -AsPlainText | Should -Be 'original-value'
    }

    It '-WhatIf changes nothing' {
        Set-Secret -SecretId $name -SecretString 'whatif-value' -Description 'whatif' -Tag @{ w = 'x' } -RemoveTag keep -WhatIf
        Get-SecretValue $name -AsPlainText | Should -Be 'original-value'
        $info = Find-Secret $name
        $info.Description | Should -Be 'original description'
        $info.Tags.ContainsKey('w') | Should -BeFalse
        $info.Tags['keep'] | Should -Be 'yes'
        (Get-SecretVersion $name).Count | Should -Be 1
    }

    It 'a missing secret is a non-terminating SecretNotFound; the next item still runs' {
        "$prefix/missing", $name | Set-Secret -Description 'after error' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SecretNotFound,SecretsPS.Commands.SetSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be "$prefix/missing"
        (Find-Secret $name).Description | Should -Be 'after error'
    }

    It 'a secret scheduled for deletion is InvalidRequest (InvalidOperation)' {
        Remove-Secret $name -RecoveryWindowInDays 7 -Force
        $e = { Set-Secret -SecretId $name -SecretString 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidRequest,SecretsPS.Commands.SetSecretCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'bad input fails before any request: <Case>' -ForEach @(
        @{ Case = 'bad id'; ErrorId = 'InvalidSecretId'; Splat = @{ SecretId = 'a b'; Description = 'd' } }
        @{ Case = 'oversized value'; ErrorId = 'SecretValueTooLarge'; Splat = @{ SecretId = 'ok'; SecretString = 'x' * 65537 } }
        @{ Case = 'empty value'; ErrorId = 'SecretValueEmpty'; Splat = @{ SecretId = 'ok'; SecretString = '' } }
        @{ Case = 'long description'; ErrorId = 'InvalidDescription'; Splat = @{ SecretId = 'ok'; Description = 'd' * 2049 } }
        @{ Case = 'empty tag key to remove'; ErrorId = 'InvalidTag'; Splat = @{ SecretId = 'ok'; RemoveTag = '' } }
    ) {
        $e = { Set-Secret @Splat -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,SecretsPS.Commands.SetSecretCommand" -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}
