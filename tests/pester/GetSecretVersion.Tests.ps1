BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:name = New-TestSecretName -Prefix 'versions'
    $script:v1 = (New-Secret -Name $name -SecretString 'one').VersionId
    $script:v2 = (Publish-SecretVersion -SecretId $name -SecretString 'two').VersionId
    $script:v3 = (Publish-SecretVersion -SecretId $name -SecretString 'three').VersionId
}

AfterAll {
    Remove-Secret -SecretId $name -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Get-SecretVersion' {
    It 'lists labeled versions as SecretVersion' {
        $versions = Get-SecretVersion $name
        $versions | Should -BeOfType 'SecretsPS.SecretVersion'
        $versions.VersionId | Sort-Object | Should -Be (@($v2, $v3) | Sort-Object)
        ($versions | Where-Object VersionId -eq $v3).VersionStages | Should -Be @('AWSCURRENT')
        ($versions | Where-Object VersionId -eq $v2).VersionStages | Should -Be @('AWSPREVIOUS')
        $versions[0].Name | Should -Be $name
        $versions[0].CreatedDate | Should -BeOfType [datetime]
    }

    It '-IncludeDeprecated adds versions without labels' {
        $versions = Get-SecretVersion $name -IncludeDeprecated
        $versions.VersionId | Should -Contain $v1
        ($versions | Where-Object VersionId -eq $v1).VersionStages | Should -BeNullOrEmpty
    }

    It 'takes SecretInfo from the pipeline' {
        (Find-Secret $name | Get-SecretVersion).Count | Should -Be 2
    }

    It 'a missing secret is a non-terminating SecretNotFound' {
        $versions = "$name-missing", $name | Get-SecretVersion -ErrorVariable err -ErrorAction SilentlyContinue
        $versions.Count | Should -Be 2
        # AWS answers ResourceNotFoundException; moto 5.2.1 fails with HTTP 500 (a KeyError in its backend), which
        # the client retries and then reports as InternalServiceError.
        $err[0].FullyQualifiedErrorId | Should -BeIn 'SecretNotFound,SecretsPS.Commands.GetSecretVersionCommand', 'ServiceFailure,SecretsPS.Commands.GetSecretVersionCommand'
        $err[0].TargetObject | Should -Be "$name-missing"
    }

    It 'a bad id fails before any request' {
        { Get-SecretVersion 'bad id' -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSecretId,SecretsPS.Commands.GetSecretVersionCommand'
    }
}
