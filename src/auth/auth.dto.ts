import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { IsMailableEmail } from '../common/email-address.js';

export class LoginDto {
  @ApiProperty({ example: 'your.name@example.com' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @IsMailableEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'your password' })
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  password!: string;
}

export class ActivateDto {
  @ApiProperty()
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 10 })
  @IsString({ message: 'must be a string' })
  @MinLength(10, { message: 'must be at least 10 characters long' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  password!: string;
}

export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['CUSTOMER_ADMIN', 'CONSULTANT', 'AGENCY_USER', 'CLIENT', 'CANDIDATE'] })
  role!: string;
}

export class LoginResponseDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty() csrfToken!: string;
}
