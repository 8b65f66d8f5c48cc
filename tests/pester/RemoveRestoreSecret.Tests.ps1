BeforeAll {
    . $PSScriptRoot/Common.ps1
    $PSDefaultParameterValues['*:EndpointUrl'] = $Endpoint
    $script:prefix = New-TestSecretName -Prefix 'remove'

    # "Not scheduled for deletion" must not pass for a secret that is gone: Find-Secret on a deleted secret writes
    # an error and returns nothing, whose DeletedDate would be empty too.
    function Assert-SecretNotScheduled([string] $SecretName) {
        $found = @(Find-Secret $SecretName -ErrorAction Stop)
        $found.Count | Should -Be 1 -Because "$SecretName must still exist"
        $found[0].Name | Should -BeExactly $SecretName
        $found[0].DeletedDate | Should -BeNullOrEmpty -Because "$SecretName must not be scheduled for deletion"
    }
}

AfterAll {
    Find-Secret "$prefix/*" -IncludePlannedDeletion | Remove-Secret -ForceDeleteWithoutRecovery -Force -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*:EndpointUrl')
}

Describe 'Remove-Secret' {
    BeforeEach {
        $script:name = "$prefix/" + [guid]::NewGuid().ToString('N').Substring(0, 8)
        New-Secret -Name $name -SecretString 'to-be-removed' | Out-Null
    }

    It 'has the RecoveryWindow (default) and ForceDeleteWithoutRecovery sets' {
        $command = Get-Command Remove-Secret
        $command.DefaultParameterSet | Should -Be 'RecoveryWindow'
        $command.ParameterSets.Name | Sort-Object | Should -Be @('ForceDeleteWithoutRecovery', 'RecoveryWindow')
        { Remove-Secret x -RecoveryWindowInDays 7 -ForceDeleteWithoutRecovery -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,SecretsPS.Commands.RemoveSecretCommand'
    }

    It 'schedules deletion (30 days by default) and emits nothing without -PassThru' {
        Remove-Secret -SecretId $name -Force | Should -BeNullOrEmpty
        $info = Find-Secret $name
        $info.DeletedDate | Should -Not -BeNullOrEmpty
        ($info.DeletedDate.ToUniversalTime() - [datetime]::UtcNow).TotalDays | Should -BeGreaterThan 29
    }

    It '-RecoveryWindowInDays 7 -PassThru emits Name, ARN and DeletionDate' {
        $result = Remove-Secret -SecretId $name -RecoveryWindowInDays 7 -Force -PassThru
        $result | Should -BeOfType 'SecretsPS.SecretDeletionInfo'
        $result.Name | Should -Be $name
        $result.ARN | Should -Match ':secret:'
        ($result.DeletionDate.ToUniversalTime() - [datetime]::UtcNow).TotalDays | Should -BeGreaterThan 6
        ($result.DeletionDate.ToUniversalTime() - [datetime]::UtcNow).TotalDays | Should -BeLessThan 8
    }

    It '-ForceDeleteWithoutRecovery deletes at once' {
        Remove-Secret -SecretId $name -ForceDeleteWithoutRecovery -Force
        { Find-Secret $name -ErrorAction Stop } | Should -Throw -ErrorId 'SecretNotFound,SecretsPS.Commands.FindSecretCommand'
    }

    It '-WhatIf deletes nothing and its text names the secret and the deletion date' {
        Remove-Secret -SecretId $name -RecoveryWindowInDays 7 -WhatIf
        Remove-Secret -SecretId $name -ForceDeleteWithoutRecovery -WhatIf
        Assert-SecretNotScheduled $name
        # "What if:" goes straight to the host, so read it from a child process.
        $command = "Import-Module '$ModuleManifest'; Remove-Secret -SecretId '$name' -RecoveryWindowInDays 7 -EndpointUrl '$Endpoint' -WhatIf; Remove-Secret -SecretId '$name' -ForceDeleteWithoutRecovery -EndpointUrl '$Endpoint' -WhatIf"
        $text = (Invoke-ChildPwsh -Command $command) -join "`n"
        $text | Should -Match ([regex]::Escape("on target `"$name`""))
        $text | Should -Match 'will be deleted on .* \(in 7 days\)'
        $text | Should -Match 'immediately and permanently, without recovery'
        Assert-SecretNotScheduled $name
    }

    It '-ForceDeleteWithoutRecovery with -Confirm:$false but without -Force still asks (and fails without a user)' {
        $command = "Import-Module '$ModuleManifest'; Remove-Secret -SecretId '$name' -ForceDeleteWithoutRecovery -Confirm:`$false -EndpointUrl '$Endpoint'"
        $output = Invoke-ChildPwsh -Command $command -AllowFailure
        "$output" | Should -Match 'NonInteractive'
        Assert-SecretNotScheduled $name
    }

    It '-Confirm:$false is enough for a deletion with a recovery window' {
        Remove-Secret -SecretId $name -Confirm:$false
        (Find-Secret $name).DeletedDate | Should -Not -BeNullOrEmpty
    }

    It '-Force with -WhatIf still deletes nothing' {
        Remove-Secret -SecretId $name -ForceDeleteWithoutRecovery -Force -WhatIf
        (Find-Secret $name).Name | Should -Be $name
    }

    It "Find-Secret 'tmp/*' | Remove-Secret -ForceDeleteWithoutRecovery -Force" {
        $tmp = "$prefix/tmp"
        1..3 | ForEach-Object { New-Secret -Name "$tmp/$_" -SecretString "tmp-$_" | Out-Null }
        Find-Secret "$tmp/*" | Remove-Secret -ForceDeleteWithoutRecovery -Force
        Find-Secret "$tmp/*" -IncludePlannedDeletion | Should -BeNullOrEmpty
    }

    It 'a missing secret (with a recovery window) is a non-terminating SecretNotFound' {
        "$prefix/missing", $name | Remove-Secret -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SecretNotFound,SecretsPS.Commands.RemoveSecretCommand'
        $err[0].TargetObject | Should -Be "$prefix/missing"
        (Find-Secret $name).DeletedDate | Should -Not -BeNullOrEmpty
    }

    It 'the recovery window must be 7-30: <_>' -ForEach @(0, 6, 31, -1) {
        $e = { Remove-Secret -SecretId 'ok' -RecoveryWindowInDays $_ -Force -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidRecoveryWindow,SecretsPS.Commands.RemoveSecretCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.Exception.Message | Should -Match '-RecoveryWindowInDays: the recovery window must be between 7 and 30 days'
    }
}

Describe 'Restore-Secret' {
    BeforeEach {
        $script:name = "$prefix/" + [guid]::NewGuid().ToString('N').Substring(0, 8)
        New-Secret -Name $name -SecretString 'restorable' | Out-Null
        Remove-Secret -SecretId $name -RecoveryWindowInDays 7 -Force
    }

    It 'cancels the deletion; -PassThru emits SecretInfo' {
        $info = Restore-Secret -SecretId $name -PassThru
        $info | Should -BeOfType 'SecretsPS.SecretInfo'
        $info.DeletedDate | Should -BeNullOrEmpty
        Get-SecretValue $name -AsPlainText | Should -Be 'restorable'
    }

    It 'emits nothing without -PassThru and takes SecretInfo from the pipeline' {
        Find-Secret $name | Restore-Secret | Should -BeNullOrEmpty
        Assert-SecretNotScheduled $name
    }

    It '-WhatIf restores nothing' {
        Restore-Secret -SecretId $name -WhatIf
        (Find-Secret $name).DeletedDate | Should -Not -BeNullOrEmpty
    }

    It 'a missing secret is SecretNotFound' {
        $e = { Restore-Secret -SecretId "$prefix/missing" -ErrorAction Stop } |
            Should -Throw -ErrorId 'SecretNotFound,SecretsPS.Commands.RestoreSecretCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'a bad id fails before any request' {
        { Restore-Secret -SecretId 'a b' -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSecretId,SecretsPS.Commands.RestoreSecretCommand'
    }
}
