/**
 * Decision flows as data: the playbook format, its loader and validator, and the built-in
 * Claude Code 500 playbook ({@code playbooks/claude-code-500.json} on the class path).
 */
package dev.claude500.playbook;
