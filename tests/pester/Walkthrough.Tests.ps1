# The seed boto3 walkthrough (create string and binary secrets, get, update, new version with a custom stage, get
# by stage, delete with and without recovery, restore, random password), done with the cmdlets.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:prefix = New-TestSecretName -Prefix 'walk'
    $script:stringName = "$prefix/my-test-secret-str"
    $script:byteName = "$prefix/my-byte-secret"
}

AfterAll {
    Find-Secret "$prefix/*" -IncludePlannedDeletion | Remove-Secret -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Seed walkthrough through the cmdlets' {
    It 'creates a string secret' {
        $info = New-Secret -Name $stringName -SecretString 'test-secret-str'
        $info.Name | Should -Be $stringName
        $info.ARN | Should -Match ":secret:$([regex]::Escape($stringName))-[A-Za-z0-9]{6}$"
        $info.VersionId | Should -Not -BeNullOrEmpty
    }

    It 'creates a binary secret' {
        $info = New-Secret -Name $byteName -SecretBinary ([Text.Encoding]::UTF8.GetBytes('my-secret'))
        $info.VersionId | Should -Not -BeNullOrEmpty
    }

    It 'gets the current value (AWSCURRENT by default)' {
        $value = Get-SecretValue $stringName
        $value.VersionStages | Should -Be @('AWSCURRENT')
        Get-SecretValue $stringName -AsPlainText | Should -Be 'test-secret-str'
        [Text.Encoding]::UTF8.GetString((Get-SecretValue $byteName).SecretBinary) | Should -Be 'my-secret'
    }

    It 'updates the secret' {
        $info = Set-Secret -SecretId $stringName -SecretString 'test-secret-str-new-value' -PassThru
        $info.VersionId | Should -Not -BeNullOrEmpty
        Get-SecretValue $stringName -AsPlainText | Should -Be 'test-secret-str-new-value'
    }

    It 'puts a new version with a custom stage and gets it by that stage' {
        $version = Publish-SecretVersion -SecretId $stringName -SecretString 'test-secret-str-new-version' -VersionStage 'new-version'
        $version.VersionStages | Should -Be @('new-version')
        Get-SecretValue $stringName -VersionStage 'new-version' -AsPlainText | Should -Be 'test-secret-str-new-version'
        Get-SecretValue $stringName -AsPlainText | Should -Be 'test-secret-str-new-value'
    }

    It 'deletes with a recovery window and restores' {
        $deletion = Remove-Secret -SecretId $byteName -Force -PassThru
        $deletion.DeletionDate | Should -BeGreaterThan ([datetime]::Now.AddDays(29))
        { Get-SecretValue $byteName -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRequest,SecretsPS.Commands.GetSecretValueCommand'
        (Restore-Secret -SecretId $byteName -PassThru).DeletedDate | Should -BeNullOrEmpty
        [Text.Encoding]::UTF8.GetString((Get-SecretValue $byteName).SecretBinary) | Should -Be 'my-secret'
    }

    It 'deletes with a 7-day recovery window and restores' {
        $deletion = Remove-Secret -SecretId $stringName -RecoveryWindowInDays 7 -Force -PassThru
        $deletion.Name | Should -Be $stringName
        $daysAhead = ($deletion.DeletionDate.ToUniversalTime() - [datetime]::UtcNow).TotalDays
        $daysAhead | Should -BeGreaterThan 6.9 -Because 'the deletion is scheduled 7 days out'
        $daysAhead | Should -BeLessThan 7.1 -Because 'the deletion is scheduled 7 days out, not the default 30'
        (Find-Secret $stringName -ErrorAction Stop).DeletedDate | Should -Not -BeNullOrEmpty
        { Get-SecretValue $stringName -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRequest,SecretsPS.Commands.GetSecretValueCommand'

        $restored = Restore-Secret -SecretId $stringName -PassThru
        $restored.Name | Should -Be $stringName
        $restored.DeletedDate | Should -BeNullOrEmpty
        Get-SecretValue $stringName -AsPlainText | Should -Be 'test-secret-str-new-value'
        Get-SecretValue $stringName -VersionStage 'new-version' -AsPlainText | Should -Be 'test-secret-str-new-version'
    }

    It 'deletes without recovery' {
        $deletion = Remove-Secret -SecretId $stringName -ForceDeleteWithoutRecovery -Force -PassThru
        $deletion.Name | Should -Be $stringName
        { Get-SecretValue $stringName -ErrorAction Stop } | Should -Throw -ErrorId 'SecretNotFound,SecretsPS.Commands.GetSecretValueCommand'
    }

    It 'generates a random password' {
        (New-RandomPassword -Length 32 -AsPlainText).Length | Should -Be 32
        # 4096 is the service's maximum length.
        (New-RandomPassword -Length 4096 -AsPlainText).Length | Should -Be 4096
    }
}
