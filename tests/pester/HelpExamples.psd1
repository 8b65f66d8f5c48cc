<#
Test annotations for the EXAMPLES in docs/en-US, read by Help.Tests.ps1's example runner. They live here, not in
the pages, because platyPS has no notion of HTML comments and would print them in the help.

Keys: cmdlet name, then the example's title without its 'Example N: ' prefix (so adding an example does not
renumber these). Help.Tests.ps1 fails when an entry names a cmdlet or an example that the pages do not have.
    Prints        = texts the example's formatted output must contain
    ExpectedError = ErrorIds the example documents; it must produce each, and no other error
    Illustrative  = why the example cannot run against moto (it is skipped with this reason)
Examples without an entry must run without any error.
#>
@{
    'Find-Secret' = @{
        'List the secrets under a path' = @{ Prints = 'app/api-key', 'app/db' }
        'Find secrets by tag and read them' = @{ Prints = 'k3y-4-the-api' }
        'Show secrets that are scheduled for deletion' = @{ Prints = 'old/report-key' }
    }
    'Get-SecretValue' = @{
        'Read a secret as a SecureString' = @{ Prints = 'SecureString' }
        'Read the value as plain text' = @{ Prints = 'k3y-4-the-api' }
        'Read one key of a JSON secret' = @{ Prints = 'db.example.com' }
        'Get a credential or a hashtable from a JSON secret' = @{ Prints = 'admin', '5432' }
        'Read every secret under a path in batches' = @{ Prints = 'k3y-4-the-api', 'N3w-Passw0rd' }
        'Keep going when a secret is missing' = @{ ExpectedError = 'SecretNotFound'; Prints = 'SecretNotFound', 'ObjectNotFound' }
        'Read the previous version' = @{ Prints = '0ld-Passw0rd' }
        'Use a named profile on real AWS' = @{ Illustrative = 'needs a real AWS account and a profile named prod-readonly' }
    }
    'Get-SecretVersion' = @{
        'List the versions of a secret' = @{ Prints = 'AWSCURRENT', 'AWSPREVIOUS' }
    }
    'New-RandomPassword' = @{
        'Create a secret with a generated password' = @{ Prints = 'app/db-password' }
    }
    'New-Secret' = @{
        'Store a generated password' = @{ Prints = 'app/db-password' }
        'Store a JSON secret from a hashtable' = @{ Prints = 'smtp.example.com' }
        'Try it out against a local emulator' = @{ Prints = 'beta=on' }
        'Store a JSON secret from an object, keeping the key order' = @{ Prints = '{"host":"db.example.com","port":5432}' }
    }
    'Publish-SecretVersion' = @{
        'Publish a new current version' = @{ Prints = 'AWSCURRENT' }
        'Stage a version without making it current' = @{ Prints = 'next-key' }
        'Roll back to the previous version' = @{ Prints = 'AWSCURRENT' }
        'Publish one value to several secrets' = @{ Prints = 'tmp/build-2' }
    }
    'Remove-Secret' = @{
        'Schedule a deletion with a short recovery window' = @{ Prints = 'app/api-key' }
    }
    'Restore-Secret' = @{
        'Restore a secret' = @{ Prints = 'old/report-key' }
    }
    'Set-Secret' = @{
        'Create, update and read back in one pipeline' = @{ Prints = 'second' }
    }
}
