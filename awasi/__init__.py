"""Awasi: election supervision and violation handling for Bawaslu and Polri."""
