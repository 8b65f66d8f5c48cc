BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
}

AfterAll {
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'New-RandomPassword' {
    It 'emits one SecureString of 32 characters by default' {
        $password = New-RandomPassword
        $password | Should -BeOfType [securestring]
        $password.Length | Should -Be 32
    }

    It '-AsPlainText, -Length and -Count' {
        $passwords = New-RandomPassword -Length 12 -Count 3 -AsPlainText
        $passwords.Count | Should -Be 3
        $passwords | ForEach-Object { $_ | Should -BeOfType [string]; $_.Length | Should -Be 12 }
        ($passwords | Select-Object -Unique).Count | Should -Be 3
    }

    It 'honours the exclusion switches' {
        $password = New-RandomPassword -Length 64 -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -AsPlainText
        $password | Should -MatchExactly '^[a-z]{64}$'
        New-RandomPassword -Length 64 -ExcludeCharacters 'abcdefghij' -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -AsPlainText |
            Should -MatchExactly '^[k-z]{64}$'
        New-RandomPassword -Length 64 -ExcludeLowercase -ExcludeNumbers -ExcludePunctuation -AsPlainText |
            Should -MatchExactly '^[A-Z]{64}$'
    }

    It '-RequireEachIncludedType $false is accepted' {
        # moto rejects lengths below 4 whatever this flag says, so only the accepted call is checked here.
        (New-RandomPassword -Length 8 -RequireEachIncludedType $false -ExcludePunctuation -AsPlainText) | Should -MatchExactly '^[A-Za-z0-9]{8}$'
    }

    It 'length <_> fails before any request' -ForEach @(0, 4097) {
        $e = { New-RandomPassword -Length $_ -EndpointUrl 'http://127.0.0.1:9' } |
            Should -Throw -ErrorId 'InvalidPasswordLength,SecretsPS.Commands.NewRandomPasswordCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.Exception.Message | Should -Match '-Length: the password length must be between 1 and 4096'
    }

    It 'count <_> fails before any request' -ForEach @(0, 1001) {
        { New-RandomPassword -Count $_ -EndpointUrl 'http://127.0.0.1:9' } |
            Should -Throw -ErrorId 'InvalidCount,SecretsPS.Commands.NewRandomPasswordCommand'
    }

    It 'a service rejection is a non-terminating error with the service message' {
        # moto rejects lengths below 4 when every type is required (AWS: only below the number of required types).
        $result = New-RandomPassword -Length 2 -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -BeIn 'InvalidArgument', 'NotSpecified'
    }
}
