/**
 * Deliberately broken code: each class here breaks one architecture rule, so that
 * ArchitectureRulesFailTest can show every rule failing. Never referenced by production code.
 */
package io.cryptobot.archfixture;
