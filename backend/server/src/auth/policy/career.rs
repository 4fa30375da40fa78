//! Permissions — Career development and talent: who plans, who reads talent and development data.
