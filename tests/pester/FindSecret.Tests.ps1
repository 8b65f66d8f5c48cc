BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:prefix = New-TestSecretName -Prefix 'find'
    New-Secret -Name "$prefix/app/db" -SecretString 'v' -Description 'The main database' -Tag @{ env = 'prod'; team = 'data' } | Out-Null
    New-Secret -Name "$prefix/app/cache" -SecretString 'v' -Description 'Cache password' -Tag @{ env = 'dev' } | Out-Null
    New-Secret -Name "$prefix/other/db" -SecretString 'v' -Tag @{ env = 'prod' } | Out-Null
    New-Secret -Name "$prefix/app/old" -SecretString 'v' | Out-Null
    Remove-Secret -SecretId "$prefix/app/old" -RecoveryWindowInDays 7 -Force
}

AfterAll {
    Find-Secret "$prefix/*" -IncludePlannedDeletion | Remove-Secret -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Find-Secret' {
    It 'a wildcard lists matching secrets as SecretInfo, without scheduled ones' {
        $found = Find-Secret "$prefix/app/*"
        $found | Should -BeOfType 'SecretsPS.SecretInfo'
        $found.Name | Sort-Object | Should -Be @("$prefix/app/cache", "$prefix/app/db")
    }

    It '-IncludePlannedDeletion lists scheduled secrets too' {
        (Find-Secret "$prefix/app/*" -IncludePlannedDeletion).Name | Should -Contain "$prefix/app/old"
    }

    It 'uses the literal prefix as a service filter, then matches the wildcard locally' {
        $verbose = $( $found = Find-Secret "$prefix/*/db" -Verbose ) 4>&1
        $found.Name | Sort-Object | Should -Be @("$prefix/app/db", "$prefix/other/db")
        "$verbose" | Should -Match ([regex]::Escape("name=$prefix/"))
    }

    It 'an exact name uses DescribeSecret and returns scheduled secrets too' {
        $verbose = $( $info = Find-Secret "$prefix/app/old" -Verbose ) 4>&1
        "$verbose" | Should -Match 'Describing secret'
        $info.DeletedDate | Should -Not -BeNullOrEmpty
    }

    It 'an ARN uses DescribeSecret' {
        $arn = (Find-Secret "$prefix/app/db").ARN
        (Find-Secret $arn).Name | Should -Be "$prefix/app/db"
    }

    It '-Tag matches keys exactly and values as wildcards' {
        (Find-Secret "$prefix/*" -Tag @{ env = 'prod' }).Name | Sort-Object | Should -Be @("$prefix/app/db", "$prefix/other/db")
        (Find-Secret "$prefix/*" -Tag @{ env = 'prod'; team = 'd*' }).Name | Should -Be "$prefix/app/db"
        Find-Secret "$prefix/*" -Tag @{ env = 'PROD' } | Should -BeNullOrEmpty
    }

    It '-Description matches the whole description as a case-insensitive wildcard' {
        (Find-Secret "$prefix/*" -Description '*DATABASE*').Name | Should -Be "$prefix/app/db"
        Find-Secret "$prefix/*" -Description 'database' | Should -BeNullOrEmpty
    }

    It 'several patterns emit each secret once' {
        $found = Find-Secret "$prefix/app/*", "$prefix/*/db"
        $found.Count | Should -Be 3
    }

    It 'takes names from the pipeline' {
        ("$prefix/app/db", "$prefix/other/db" | Find-Secret).Count | Should -Be 2
    }

    It 'an exact name that does not exist is a non-terminating SecretNotFound' {
        $found = Find-Secret "$prefix/missing", "$prefix/app/db" -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Name | Should -Be "$prefix/app/db"
        $err[0].FullyQualifiedErrorId | Should -Be 'SecretNotFound,SecretsPS.Commands.FindSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'an invalid exact name fails before any request' {
        { Find-Secret 'a b' -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSecretId,SecretsPS.Commands.FindSecretCommand'
    }

    It 'an invalid wildcard in -Name is a non-terminating InvalidWildcardPattern; the other names go on' {
        $found = Find-Secret "$prefix/app/[abc", "$prefix/app/d*" -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Name | Should -Be "$prefix/app/db"
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidWildcardPattern,SecretsPS.Commands.FindSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be "$prefix/app/[abc"
    }

    It 'an invalid wildcard in -<Parameter> stops the command before any request' -ForEach @(
        @{ Parameter = 'Description'; Splat = @{ Description = '[abc' } }
        @{ Parameter = 'Tag'; Splat = @{ Tag = @{ env = '[abc' } } }
    ) {
        $e = { Find-Secret 'x/*' @Splat -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidWildcardPattern,SecretsPS.Commands.FindSecretCommand' -PassThru
        $e.Exception.Message | Should -Match "^-$Parameter"
    }

    It 'SecretInfo carries tags, version labels and dates' {
        $info = Find-Secret "$prefix/app/db"
        $info.Tags['team'] | Should -Be 'data'
        $info.VersionIdsToStages.Values | ForEach-Object { $_ } | Should -Contain 'AWSCURRENT'
        $info.CreatedDate | Should -BeOfType [datetime]
        $info.RotationEnabled | Should -BeFalse
    }
}
