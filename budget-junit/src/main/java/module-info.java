/**
 * budget4j JUnit: {@link dev.budget4j.junit.BudgetedTest}, a JUnit Jupiter test that runs a
 * method body or a stage under a budget, optionally against a baseline file, fails with the
 * verdict table and publishes its figures as report entries.
 */
module dev.budget4j.junit {
    requires transitive dev.budget4j.profile;
    requires transitive org.junit.jupiter.api;

    exports dev.budget4j.junit;
}
